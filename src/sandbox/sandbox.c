/*
 * sandbox/sandbox.c -- the parent side of a box: preparation, the watch
 * loop that enforces limits and relays output, and teardown. See
 * sandbox.h for the contract and box.h for the inside.
 *
 * Theory of operation. sandbox_run() takes a free slot (a flock()ed file
 * under /run/gavel/slots: the slot number gives the box its uid and its
 * cgroup's name), creates a fresh cgroup with the memory and pids limits,
 * and clones PID 1 of the box into new pid, mount, IPC and UTS namespaces
 * (and a fresh network namespace, see netns_take()). PID 1 builds
 * the root and starts the program, which joins
 * the cgroup and a cgroup namespace of its own, drops every privilege and
 * execs. Meanwhile the parent polls the box's pipes, reading output as it
 * comes and checking CPU time (from the cgroup: all threads and children)
 * at intervals that shrink as the limit nears, so a kill lands within a
 * millisecond or two of it. Killing PID 1 kills the whole pid namespace,
 * so nothing the program started can outlive the box.
 */
#include "sandbox/sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox/box.h"
#include "sandbox/cgroup.h"
#include "sandbox/filter.h"

#define BOX_SLOTS_DIR BOX_STATE_DIR "/slots"
#define BOX_MAX_SLOTS 256
#define BOX_FIRST_UID 60000

/*** One-time set-up ***/

static pthread_once_t	  setup_once = PTHREAD_ONCE_INIT;
static int		  setup_ok;
static char		  setup_msg[512];
static enum cg_version	  cgver = CG_NONE;
static struct sock_fprog  seccomp_prog;
static int		  last_cap = 40;
static long		  ncpu = 1; /* online CPUs, for the watch's naps */
static char		  links[4][2][32]; /* name, target */
static int		  nlinks;

static int
mkdir_mode(const char *path, mode_t mode)
{
	struct stat st;

	if (mkdir(path, mode) < 0 && errno != EEXIST)
		return -1;
	if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0) {
		errno = ENOTDIR;
		return -1;
	}
	return chmod(path, mode);
}

/* Copy host file (or symlink) /etc/<name> into dir; a directory is copied
 * one level deep. Missing entries are skipped. */
static void
copy_etc_entry(const char *dir, const char *name, int depth)
{
	char	    src[PATH_MAX], dst[PATH_MAX], buf[65536], target[PATH_MAX];
	struct stat st;
	ssize_t	    n;
	int	    in, out;

	snprintf(src, sizeof(src), "/etc/%s", name);
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	if (lstat(src, &st) < 0)
		return;
	if (S_ISLNK(st.st_mode)) {
		n = readlink(src, target, sizeof(target) - 1);
		if (n > 0) {
			target[n] = '\0';
			if (symlink(target, dst) < 0)
				return;
		}
	} else if (S_ISDIR(st.st_mode) && depth == 0) {
		DIR	      *d = opendir(src);
		struct dirent *de;

		if (d == NULL || mkdir(dst, 0755) < 0) {
			if (d)
				closedir(d);
			return;
		}
		while ((de = readdir(d)) != NULL) {
			char sub[PATH_MAX];

			if (de->d_name[0] == '.')
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", name, de->d_name);
			copy_etc_entry(dir, sub, 1);
		}
		closedir(d);
	} else if (S_ISREG(st.st_mode) && st.st_size < (1 << 20) &&
		   (st.st_mode & S_IROTH)) {
		in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (in < 0)
			return;
		out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (out >= 0) {
			while ((n = read(in, buf, sizeof(buf))) > 0)
				if (write(out, buf, (size_t)n) != n)
					break;
			close(out);
		}
		close(in);
	}
}

static int
write_text(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	int  fd;
	int  r = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		r = -1;
	close(fd);
	return r;
}

/*
 * The box's /etc: a prepared directory with the few host files programs
 * need (never shadow or the judge's own), rebuilt when the host's linker
 * cache changes, swapped in atomically.
 */
static int
prepare_etc(void)
{
	static const char *const entries[] = { "ld.so.cache", "ld.so.conf",
		"ld.so.conf.d", "localtime", "alternatives", "python3",
		"python3.11", "nsswitch.conf" };
	struct stat cache, stamp;
	char	    tmp[64], line[96];
	char	   *passwd = NULL, *group = NULL;
	size_t	    plen = 0, glen = 0, i;
	FILE	   *pf, *gf;

	if (stat(BOX_ETC "/.gavel-stamp", &stamp) == 0 &&
	    (stat("/etc/ld.so.cache", &cache) < 0 ||
		cache.st_mtime < stamp.st_mtime))
		return 0;

	snprintf(tmp, sizeof(tmp), BOX_STATE_DIR "/etc.%d", (int)getpid());
	sandbox_rmtree_at(AT_FDCWD, tmp);
	if (mkdir(tmp, 0755) < 0)
		return -1;
	for (i = 0; i < sizeof(entries) / sizeof(entries[0]); i++)
		copy_etc_entry(tmp, entries[i], 0);

	pf = open_memstream(&passwd, &plen);
	gf = open_memstream(&group, &glen);
	if (pf == NULL || gf == NULL)
		return -1;
	fputs("root:x:0:0:root:/root:/bin/sh\n", pf);
	fputs("root:x:0:\n", gf);
	for (i = 0; i < BOX_MAX_SLOTS; i++) {
		snprintf(line, sizeof(line), "box%zu:x:%zu:%zu:box:/box:/bin/sh\n",
		    i, BOX_FIRST_UID + i, BOX_FIRST_UID + i);
		fputs(line, pf);
		snprintf(line, sizeof(line), "box%zu:x:%zu:\n", i,
		    BOX_FIRST_UID + i);
		fputs(line, gf);
	}
	fclose(pf);
	fclose(gf);
	if (write_text(tmp, "passwd", passwd) < 0 ||
	    write_text(tmp, "group", group) < 0 ||
	    write_text(tmp, "hostname", "gavel\n") < 0 ||
	    write_text(tmp, "hosts", "127.0.0.1 localhost gavel\n"
				    "::1 localhost\n") < 0 ||
	    write_text(tmp, ".gavel-stamp", "") < 0) {
		free(passwd);
		free(group);
		return -1;
	}
	free(passwd);
	free(group);

	if (rename(tmp, BOX_ETC) == 0)
		return 0;
	/* Replace the old copy; boxes running on it keep their bind. */
	if (syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, BOX_ETC,
		RENAME_EXCHANGE) < 0) {
		sandbox_rmtree_at(AT_FDCWD, tmp);
		return -1;
	}
	sandbox_rmtree_at(AT_FDCWD, tmp);
	return 0;
}

static void
setup(void)
{
	static const char *const tops[] = { "bin", "sbin", "lib", "lib64" };
	char	    path[64], target[64];
	size_t	    i;
	FILE	   *f;

	if (geteuid() != 0) {
		snprintf(setup_msg, sizeof(setup_msg),
		    "the sandbox must run as root (it creates namespaces, "
		    "cgroups and mounts, and switches to per-box users); "
		    "try sudo");
		return;
	}
	cgver = cg_detect("/sys/fs/cgroup", setup_msg, sizeof(setup_msg));
	if (cgver == CG_NONE)
		return;
	if (box_seccomp_build(&seccomp_prog, setup_msg, sizeof(setup_msg)) < 0)
		return;
	if (mkdir_mode(BOX_STATE_DIR, 0755) < 0 ||
	    mkdir_mode(BOX_ROOT, 0755) < 0 ||
	    mkdir_mode(BOX_SLOTS_DIR, 0700) < 0) {
		snprintf(setup_msg, sizeof(setup_msg),
		    "cannot prepare %s: %s", BOX_STATE_DIR, strerror(errno));
		return;
	}
	if (prepare_etc() < 0) {
		snprintf(setup_msg, sizeof(setup_msg),
		    "cannot prepare %s: %s", BOX_ETC, strerror(errno));
		return;
	}
	/* Merged /usr: /bin and friends are symlinks into /usr. Anything
	 * else there is not offered to boxes. */
	for (i = 0; i < sizeof(tops) / sizeof(tops[0]); i++) {
		ssize_t n;

		snprintf(path, sizeof(path), "/%s", tops[i]);
		n = readlink(path, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		if (strncmp(target, "usr/", 4) != 0 &&
		    strncmp(target, "/usr/", 5) != 0)
			continue;
		if (snprintf(links[nlinks][1], sizeof(links[0][1]), "%s",
			target) >= (int)sizeof(links[0][1]))
			continue;
		snprintf(links[nlinks][0], sizeof(links[0][0]), "%s", tops[i]);
		nlinks++;
	}
	/* Read once: the watch loop needs it for every box. */
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (ncpu < 1)
		ncpu = 1;
	f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	if (f != NULL) {
		if (fscanf(f, "%d", &last_cap) != 1)
			last_cap = 40;
		fclose(f);
	}
	setup_ok = 1;
}

int
sandbox_check(char *msg, size_t msglen)
{
	pthread_once(&setup_once, setup);
	if (!setup_ok) {
		snprintf(msg, msglen, "%s", setup_msg);
		return -1;
	}
	return 0;
}

const char *
sandbox_cgroup_version(void)
{
	switch (cgver) {
	case CG_V1:
		return "v1";
	case CG_V2:
		return "v2";
	case CG_NONE:
		break;
	}
	return "none";
}

const char *
sandbox_status_name(enum sandbox_status status)
{
	switch (status) {
	case SANDBOX_OK:
		return "ok";
	case SANDBOX_EXITED:
		return "exited";
	case SANDBOX_SIGNALED:
		return "signaled";
	case SANDBOX_TIME_LIMIT:
		return "time_limit";
	case SANDBOX_WALL_LIMIT:
		return "wall_limit";
	case SANDBOX_MEMORY_LIMIT:
		return "memory_limit";
	case SANDBOX_OUTPUT_LIMIT:
		return "output_limit";
	case SANDBOX_ERROR:
		return "sandbox_error";
	}
	return "sandbox_error";
}

void
sandbox_limits_default(struct sandbox_limits *lim)
{
	memset(lim, 0, sizeof(*lim));
	lim->cpu_ms = SANDBOX_DEFAULT_CPU_MS;
	lim->memory_kb = SANDBOX_DEFAULT_MEMORY_KB;
	lim->pids = SANDBOX_DEFAULT_PIDS;
	lim->fsize_kb = SANDBOX_DEFAULT_FSIZE_KB;
	lim->stdout_max = SANDBOX_DEFAULT_OUTPUT_MAX;
	lim->stderr_max = SANDBOX_DEFAULT_OUTPUT_MAX;
	lim->tmpfs_kb = SANDBOX_DEFAULT_TMPFS_KB;
	lim->inodes = SANDBOX_DEFAULT_INODES;
}

/*** Removing trees a box wrote ***/

int
sandbox_rmtree_at(int dirfd, const char *name)
{
	struct stat st;
	int	    fd, r = 0;
	DIR	   *d;
	struct dirent *de;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(dirfd, name, 0);
	fd = openat(dirfd, name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (sandbox_rmtree_at(fd, de->d_name) < 0)
			r = -1;
	}
	closedir(d);
	if (unlinkat(dirfd, name, AT_REMOVEDIR) < 0)
		r = -1;
	return r;
}

/*** Network namespaces ***/

/*
 * Every box gets a network namespace of its own, never used before: a
 * reused one keeps state a box can set and the next can read (its SNMP
 * counters count packets, so one run could signal the next; found by
 * tests/evil's netns_reuse). A fresh, empty one, or -1 with errno.
 */
static int
netns_make(void)
{
	int self, fd, saved;

	/* unshare() affects this thread only: step into a fresh namespace,
	 * keep a handle on it, and step back. */
	self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self < 0)
		return -1;
	if (unshare(CLONE_NEWNET) < 0) {
		saved = errno;
		close(self);
		errno = saved;
		return -1;
	}
	fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	saved = errno;
	if (setns(self, CLONE_NEWNET) < 0)
		abort(); /* stranded in a box's network: never go on */
	close(self);
	errno = saved;
	return fd;
}

/*** Slots ***/

/*
 * Take the lowest free slot. Returns the locked file's descriptor, or -1.
 */
static int
slot_acquire(int *slot)
{
	char path[64];
	int  s;

	for (s = 0; s < BOX_MAX_SLOTS; s++) {
		int fd;

		snprintf(path, sizeof(path), BOX_SLOTS_DIR "/%d", s);
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			*slot = s;
			return fd;
		}
		close(fd);
	}
	errno = EBUSY;
	return -1;
}

/*** Boxes, made on the spot or ahead ***/

/*
 * A box: its slot (uid and cgroup name), its fresh cgroup without limits
 * yet, and PID 1 in its namespaces with the root built, waiting on ctl for
 * the one job it will ever run. Making one is most of a box's cost (a
 * fresh cgroup, a clone with new namespaces, the root's mounts); a process
 * that runs more than one box keeps a few made ahead by a background
 * thread, which also tears down finished ones, so neither lies on a run's
 * critical path. A box is never reused: each job gets one nothing ran in.
 */
struct box {
	int	      slot;
	int	      slotfd;
	struct cgroup cg;
	pid_t	      init; /* PID 1, not yet reaped; or -1 */
	int	      ctl;  /* our end of the control socket, or -1 */
	struct box   *next;
};

static void
cg_init_empty(struct cgroup *cg)
{
	int i;

	memset(cg, 0, sizeof(*cg));
	for (i = 0; i < CG_MAX_DIRS; i++)
		cg->procs_fd[i] = -1;
	cg->cpu_fd = cg->peak_fd = cg->oom_fd = cg->dir_fd = -1;
	cg->pids_fd = -1;
}

/* Kill what is left of b, wait for it, remove its cgroup, free its slot. */
static void
box_destroy(struct box *b)
{
	int st;

	if (b->ctl >= 0)
		close(b->ctl); /* a box still waiting for a job leaves */
	if (b->init > 0) {
		kill(b->init, SIGKILL);
		while (waitpid(b->init, &st, __WALL) < 0 && errno == EINTR)
			;
	}
	cg_destroy(&b->cg);
	if (b->slotfd >= 0)
		close(b->slotfd);
	free(b);
}

/* The mount options of /box (owned by uid) and of /tmp and /dev/shm. */
static void
tmpfs_opts(uint64_t kb, uint32_t inodes, uid_t uid, char box[128],
    char tmp[128])
{
	snprintf(box, 128,
	    "size=%" PRIu64 "k,nr_inodes=%u,mode=0755,uid=%u,gid=%u", kb,
	    inodes, uid, uid);
	snprintf(tmp, 128, "size=%" PRIu64 "k,nr_inodes=%u,mode=1777", kb,
	    inodes);
}

/* Make a box; NULL with msg set on failure. */
static struct box *
box_make(char *msg, size_t msglen)
{
	struct box_plan *plan;
	struct box	*b;
	char		 name[32];
	int		 sp[2] = { -1, -1 }, netns = -1, i;

	b = calloc(1, sizeof(*b));
	plan = calloc(1, sizeof(*plan));
	if (b == NULL || plan == NULL) {
		snprintf(msg, msglen, "out of memory");
		free(b);
		free(plan);
		return NULL;
	}
	b->init = -1;
	b->ctl = -1;
	cg_init_empty(&b->cg);
	b->slotfd = slot_acquire(&b->slot);
	if (b->slotfd < 0) {
		snprintf(msg, msglen, "no free box slot: %s", strerror(errno));
		goto fail;
	}
	snprintf(name, sizeof(name), "box-%d", b->slot);
	if (cg_create(&b->cg, name, msg, msglen) < 0)
		goto fail;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) {
		snprintf(msg, msglen, "socketpair: %s", strerror(errno));
		goto fail;
	}
	netns = netns_make();
	if (netns < 0) {
		snprintf(msg, msglen, "cannot make a network namespace: %s",
		    strerror(errno));
		goto fail;
	}

	plan->uid = BOX_FIRST_UID + (uid_t)b->slot;
	plan->gid = BOX_FIRST_UID + (gid_t)b->slot;
	for (i = 0; i < nlinks; i++) {
		memcpy(plan->link_names[i], links[i][0],
		    sizeof(plan->link_names[i]));
		memcpy(plan->link_targets[i], links[i][1],
		    sizeof(plan->link_targets[i]));
	}
	plan->nlinks = nlinks;
	plan->filter = seccomp_prog;
	plan->last_cap = last_cap;
	tmpfs_opts(SANDBOX_DEFAULT_TMPFS_KB, SANDBOX_DEFAULT_INODES, plan->uid,
	    plan->base_box_opts, plan->base_tmp_opts);
	plan->ctl = sp[1];
	plan->netns_fd = netns;
	for (i = 0; i < b->cg.ndirs; i++)
		plan->cg_procs[i] = b->cg.procs_fd[i];
	plan->ncg_procs = b->cg.ndirs;
	plan->cg_dir = b->cg.dir_fd;

	b->init = (pid_t)syscall(SYS_clone,
	    CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | SIGCHLD,
	    NULL, NULL, NULL, NULL);
	if (b->init < 0) {
		snprintf(msg, msglen, "clone: %s", strerror(errno));
		goto fail;
	}
	if (b->init == 0)
		box_init(plan);
	/* PID 1 holds its own copies now. */
	close(sp[1]);
	close(netns);
	for (i = 0; i < b->cg.ndirs; i++) {
		close(b->cg.procs_fd[i]);
		b->cg.procs_fd[i] = -1;
	}
	b->ctl = sp[0];
	free(plan);
	return b;

fail:
	if (sp[0] >= 0)
		close(sp[0]);
	if (sp[1] >= 0)
		close(sp[1]);
	if (netns >= 0)
		close(netns);
	free(plan);
	box_destroy(b);
	return NULL;
}

/* Boxes kept made ahead: one per CPU (2 to 8), so that as many runs as
 * the machine can run at once find one ready. */
/* Finished boxes waiting for teardown; past that, callers do it. */
#define POOL_MAX_DONE 32
#define POOL_SPARE ((int)(ncpu < 2 ? 2 : ncpu > 8 ? 8 : ncpu))

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  pool_cv = PTHREAD_COND_INITIALIZER;   /* work */
static pthread_cond_t  pool_idle = PTHREAD_COND_INITIALIZER; /* done */
static struct box     *pool_ready; /* made ahead, waiting for a job */
static int	       pool_nready;
static struct box     *pool_done;  /* finished, to tear down */
static int	       pool_ndone;
static int	       pool_busy;  /* the maker is making or tearing down */
static bool	       pool_hold;  /* quiesced: make none until asked */
static int	       pool_taken; /* boxes taken by this process, to 2 */
static bool	       pool_started;
static pthread_t       pool_thread;

/*
 * Remove the cgroups a killed process left behind: its boxes made ahead
 * die with it (PR_SET_PDEATHSIG) but their empty cgroups stay. A cgroup
 * whose slot nobody holds is such a leftover; holding the slot while
 * removing it keeps anyone from taking it meanwhile.
 */
static void
sweep_leftovers(void)
{
	int slots[BOX_MAX_SLOTS], n, i;

	n = cg_list_boxes(slots, BOX_MAX_SLOTS);
	for (i = 0; i < n; i++) {
		char path[64], name[32];
		int  fd;

		if (slots[i] >= BOX_MAX_SLOTS)
			continue;
		snprintf(path, sizeof(path), BOX_SLOTS_DIR "/%d", slots[i]);
		/* No slot file: nobody ever held it here; make one to hold. */
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		    0600);
		if (fd < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			snprintf(name, sizeof(name), "box-%d", slots[i]);
			cg_remove(name);
		}
		close(fd);
	}
}

static void *
pool_maker(void *arg)
{
	struct sched_param sp = { .sched_priority = 0 };

	int		   policy = SCHED_OTHER;

	(void)arg;
	sweep_leftovers();
	pthread_mutex_lock(&pool_mu);
	for (;;) {
		struct box *b;
		char	    msg[256];
		bool	    hurry = pool_hold;

		/* Work that can wait runs in the gaps that runs leave, never
		 * ahead of one (the boxes it makes answer at normal priority,
		 * see box_init); but not when someone waits for it. */
		if (policy != (hurry ? SCHED_OTHER : SCHED_IDLE)) {
			policy = hurry ? SCHED_OTHER : SCHED_IDLE;
			(void)pthread_setschedparam(pthread_self(), policy, &sp);
		}
		if (pool_done != NULL) {
			b = pool_done;
			pool_done = b->next;
			pool_ndone--;
			pool_busy++;
			pthread_mutex_unlock(&pool_mu);
			if (hurry && b->init > 0)
				(void)syscall(SYS_sched_setscheduler, b->init,
				    SCHED_OTHER, &sp);
			box_destroy(b);
			pthread_mutex_lock(&pool_mu);
			pool_busy--;
			continue;
		}
		if (!pool_hold && pool_nready < POOL_SPARE) {
			pool_busy++;
			pthread_mutex_unlock(&pool_mu);
			b = box_make(msg, sizeof(msg));
			if (b == NULL) {
				/* A run made on the spot will say why. */
				struct timespec ts = { 0, 100 * 1000 * 1000 };

				nanosleep(&ts, NULL);
				pthread_mutex_lock(&pool_mu);
				pool_busy--;
				continue;
			}
			pthread_mutex_lock(&pool_mu);
			pool_busy--;
			if (pool_hold) { /* quiesced meanwhile */
				b->next = pool_done;
				pool_done = b;
				pool_ndone++;
				continue;
			}
			b->next = pool_ready;
			pool_ready = b;
			pool_nready++;
			continue;
		}
		pthread_cond_broadcast(&pool_idle);
		pthread_cond_wait(&pool_cv, &pool_mu);
	}
	return NULL;
}

/* Whether PID 1 of a box made ahead is still there, waiting. */
static bool
box_waiting(const struct box *b)
{
	struct pollfd pfd = { .fd = b->ctl, .events = POLLIN | POLLRDHUP };

	return poll(&pfd, 1, 0) == 0;
}

/* A box for one job: made ahead if one is ready, else now. */
static struct box *
box_take(char *msg, size_t msglen)
{
	struct box *b = NULL;

	/* The maker runs at idle priority: if it holds the lock, make the
	 * box here rather than wait for it. */
	if (pthread_mutex_trylock(&pool_mu) != 0)
		return box_make(msg, msglen);
	pool_hold = false;
	while (b == NULL && pool_ready != NULL) {
		b = pool_ready;
		pool_ready = b->next;
		pool_nready--;
		/* One that died waiting (killed from outside) goes. */
		if (!box_waiting(b)) {
			b->next = pool_done;
			pool_done = b;
			pool_ndone++;
			b = NULL;
		}
	}
	/* From the second box on, keep boxes coming. */
	if (pool_taken < 2 && ++pool_taken == 2 && !pool_started) {
		pthread_t      t;
		pthread_attr_t a;

		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&t, &a, pool_maker, NULL) == 0) {
			pool_thread = t;
			__atomic_store_n(&pool_started, true, __ATOMIC_RELEASE);
			atexit(sandbox_quiesce);
		}
		pthread_attr_destroy(&a);
	}
	pthread_cond_signal(&pool_cv);
	pthread_mutex_unlock(&pool_mu);
	return b != NULL ? b : box_make(msg, msglen);
}

/* Done with b: torn down in the background when there is a maker. */
static void
box_release(struct box *b)
{
	/* The maker runs at idle priority: never wait for it to let go of
	 * the lock, and do the work here when it falls behind. */
	if (pthread_mutex_trylock(&pool_mu) == 0) {
		if (pool_started && pool_ndone < POOL_MAX_DONE) {
			b->next = pool_done;
			pool_done = b;
			pool_ndone++;
			pthread_cond_signal(&pool_cv);
			b = NULL;
		}
		pthread_mutex_unlock(&pool_mu);
	}
	if (b != NULL)
		box_destroy(b);
}

/* Whether boxes are torn down in the background (see box_release). It
 * only ever goes from false to true; no lock: the maker may hold it. */
static bool
pool_running(void)
{
	return __atomic_load_n(&pool_started, __ATOMIC_ACQUIRE);
}

void
sandbox_quiesce(void)
{
	pthread_mutex_lock(&pool_mu);
	if (!pool_started) {
		pthread_mutex_unlock(&pool_mu);
		return;
	}
	pool_hold = true;
	/* Someone waits now: the maker works at normal priority. */
	{
		struct sched_param sp = { .sched_priority = 0 };

		(void)pthread_setschedparam(pool_thread, SCHED_OTHER, &sp);
	}
	while (pool_ready != NULL) {
		struct box *b = pool_ready;

		pool_ready = b->next;
		b->next = pool_done;
		pool_done = b;
		pool_ndone++;
	}
	pool_nready = 0;
	pthread_cond_signal(&pool_cv);
	while (pool_done != NULL || pool_busy > 0)
		pthread_cond_wait(&pool_idle, &pool_mu);
	pthread_mutex_unlock(&pool_mu);
}

/*** The watch loop ***/

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

enum { P_STATUS, P_OUT, P_ERR, P_CHAN, P_COUNT };

struct watch {
	const struct sandbox_config *cfg;
	struct sandbox_result	    *res;
	struct cgroup		    *cg;
	pid_t			     init;
	uint64_t		     start_us;
	uint32_t		     cpu_limit_ms;
	uint64_t		     wall_limit_us;
	uint64_t		     chan_deadline_us; /* 0: none */
	uint64_t		     caps[P_COUNT];
	uint64_t		     lens[P_COUNT];
	int			     sinks[P_COUNT];
	int			     feed_fd; /* our end of stdin, or -1 */
	size_t			     fed;     /* bytes of stdin_buf written */
	enum sandbox_status	     killed; /* SANDBOX_OK: not killed */
	bool			     dead;    /* PID 1 reaped */
	bool			     emptied; /* PID 1 reported, nothing left */
	bool			     status_closed; /* we closed P_STATUS */
	struct box_msg		     msg;
	bool			     have_msg;
};

/* Whether the box may still have a process of the program's. */
static bool
watch_live(const struct watch *w)
{
	return !w->dead && !w->emptied;
}

/*
 * Ends the run for a reason. The reason is kept even when the program has
 * already ended: its last bytes can reach us after PID 1's report, and a
 * run that wrote past its cap is output_limit all the same.
 */
static void
watch_kill(struct watch *w, enum sandbox_status why)
{
	if (w->killed == SANDBOX_OK)
		w->killed = why;
	if (watch_live(w))
		kill(w->init, SIGKILL);
}

static void
watch_usage(struct watch *w, struct sandbox_usage *u)
{
	u->cpu_ms = (uint32_t)(cg_cpu_usec(w->cg) / 1000);
	u->wall_ms = (uint32_t)((now_us() - w->start_us) / 1000);
	u->memory_kb = cg_peak_bytes(w->cg) / 1024;
}

/* How much of stdin_buf the program may have now. */
static size_t
feed_avail(const struct watch *w)
{
	const struct sandbox_config *c = w->cfg;
	size_t			     a = c->stdin_avail ? *c->stdin_avail
							: c->stdin_len;

	return a < c->stdin_len ? a : c->stdin_len;
}

/* Write what the program may have of stdin, without blocking. */
static void
feed(struct watch *w)
{
	size_t avail = feed_avail(w);

	while (w->feed_fd >= 0 && w->fed < avail) {
		ssize_t n = send(w->feed_fd, w->cfg->stdin_buf + w->fed,
		    avail - w->fed, MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			/* It closed its stdin: nothing more to give. */
			close(w->feed_fd);
			w->feed_fd = -1;
			return;
		}
		w->fed += (size_t)n;
	}
	if (w->feed_fd >= 0 && w->fed == w->cfg->stdin_len) {
		close(w->feed_fd); /* EOF */
		w->feed_fd = -1;
	}
}

/* Read what is there on pipe i; returns 0 at EOF, 1 otherwise. */
static int
watch_read(struct watch *w, int i, int fd)
{
	char	buf[65536];
	ssize_t n = read(fd, buf, sizeof(buf));
	size_t	take;

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	if (i == P_STATUS) {
		if ((size_t)n >= sizeof(w->msg) && !w->have_msg) {
			memcpy(&w->msg, buf, sizeof(w->msg));
			w->have_msg = true;
			/* The program is reaped; with no process left in the
			 * cgroup, nothing of the box can act any more: the
			 * run is over without waiting for PID 1 to go (the
			 * box's teardown can come later). */
			if (w->msg.kind == BOX_MSG_DONE && w->killed == SANDBOX_OK &&
			    !w->dead && cg_pids(w->cg) == 0) {
				w->emptied = true;
				return 0;
			}
		}
		return 1;
	}
	take = (size_t)n;
	if (w->lens[i] + take > w->caps[i]) {
		take = w->lens[i] >= w->caps[i]
			   ? 0
			   : (size_t)(w->caps[i] - w->lens[i]);
		watch_kill(w, SANDBOX_OUTPUT_LIMIT);
	}
	w->lens[i] += (uint64_t)n;
	if (take == 0)
		return 1;
	if (i == P_CHAN) {
		struct sandbox_usage u;
		uint32_t	     lim = w->cpu_limit_ms;

		watch_usage(w, &u);
		if (w->cfg->channel_wall_ms)
			w->chan_deadline_us = (uint64_t)u.wall_ms * 1000u +
					      w->cfg->channel_wall_ms * 1000ull;
		if (w->cfg->channel(w->cfg->channel_arg, buf, take, &u, &lim)) {
			w->res->stopped = true;
			if (watch_live(w))
				kill(w->init, SIGKILL);
		}
		w->cpu_limit_ms = lim;
	} else if (w->sinks[i] >= 0 && write_all(w->sinks[i], buf, take) < 0) {
		snprintf(w->res->message, sizeof(w->res->message),
		    "writing the program's %s: %s",
		    i == P_OUT ? "stdout" : "stderr", strerror(errno));
		watch_kill(w, SANDBOX_ERROR);
	}
	return 1;
}

static void
watch(struct watch *w, int fds[P_COUNT])
{
	int open_fds = 0, i, st;

	for (i = 0; i < P_COUNT; i++)
		if (fds[i] >= 0)
			open_fds++;

	while (open_fds > 0) {
		struct pollfd pfd[P_COUNT + 1];
		int	      map[P_COUNT + 1], n = 0, timeout = -1;

		feed(w);
		if (watch_live(w)) {
			uint64_t now = now_us() - w->start_us;
			uint64_t cpu = cg_cpu_usec(w->cg);
			uint64_t lim = (uint64_t)w->cpu_limit_ms * 1000u;
			uint64_t left, wall_lim = w->wall_limit_us;

			if (w->chan_deadline_us && w->chan_deadline_us < wall_lim)
				wall_lim = w->chan_deadline_us;
			if (cpu > lim)
				watch_kill(w, SANDBOX_TIME_LIMIT);
			else if (now > wall_lim)
				watch_kill(w, SANDBOX_WALL_LIMIT);
			/* Sleep no longer than the time all CPUs would need
			 * to use up what is left, so kills land promptly. */
			left = (lim - (cpu > lim ? lim : cpu)) / (uint64_t)ncpu;
			if (now < wall_lim && wall_lim - now < left)
				left = wall_lim - now;
			left /= 1000u;
			timeout = left < 1 ? 1 : left > 100 ? 100 : (int)left;
		}
		for (i = 0; i < P_COUNT; i++) {
			if (fds[i] < 0)
				continue;
			pfd[n].fd = fds[i];
			pfd[n].events = POLLIN;
			map[n++] = i;
		}
		if (w->feed_fd >= 0 && w->fed < feed_avail(w)) {
			pfd[n].fd = w->feed_fd;
			pfd[n].events = POLLOUT;
			map[n++] = -1;
		}
		if (poll(pfd, (nfds_t)n, timeout) < 0 && errno != EINTR)
			break;
		for (i = 0; i < n; i++) {
			if (map[i] < 0)
				continue; /* the feed: written at the loop's top */
			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (watch_read(w, map[i], pfd[i].fd) == 0) {
				if (map[i] == P_STATUS && w->emptied) {
					/* Stop listening; the box keeps it. */
					fds[P_STATUS] = -1;
					open_fds--;
					continue;
				}
				if (map[i] == P_STATUS && !w->dead) {
					/* PID 1 is gone: so is the box. */
					while (waitpid(w->init, &st, __WALL) <
						   0 &&
					    errno == EINTR)
						;
					w->dead = true;
				}
				if (map[i] == P_STATUS)
					w->status_closed = true;
				close(fds[map[i]]);
				fds[map[i]] = -1;
				open_fds--;
			}
		}
	}
	if (!w->dead && !w->emptied) {
		kill(w->init, SIGKILL);
		while (waitpid(w->init, &st, __WALL) < 0 && errno == EINTR)
			;
		w->dead = true;
	}
	if (w->feed_fd >= 0) {
		close(w->feed_fd);
		w->feed_fd = -1;
	}
}

/*** Putting it together ***/

static void
fail_msg(struct sandbox_result *res, const char *fmt, const char *detail,
    int err)
{
	res->status = SANDBOX_ERROR;
	snprintf(res->message, sizeof(res->message), "%s%s%s%s%s", fmt,
	    detail ? " " : "", detail ? detail : "", err ? ": " : "",
	    err ? strerror(err) : "");
}

/*
 * The job's binds, opened here in the caller's mount namespace as
 * detached copies (open_tree) with their flags set, for PID 1 to attach:
 * a box made ahead of time no longer sees the host's paths, and should
 * not. Fills fds[0..cfg->nbinds) and the job's bind fields.
 */
static int
open_binds(const struct sandbox_config *cfg, struct box_job *job, int *fds,
    struct sandbox_result *res)
{
	size_t i;

	if (cfg->nbinds > BOX_MAX_BINDS) {
		fail_msg(res, "too many directory binds", NULL, 0);
		return -1;
	}
	for (i = 0; i < cfg->nbinds; i++) {
		const struct sandbox_bind *b = &cfg->binds[i];
		struct mount_attr	   attr;
		struct stat		   st;

		if (b->host[0] != '/' || b->inside[0] != '/' ||
		    b->inside[1] == '\0' || strstr(b->inside, "/..") != NULL ||
		    strlen(b->inside) >= PATH_MAX) {
			fail_msg(res, "bind paths must be absolute, without "
				      "'..':", b->inside, 0);
			return -1;
		}
		fds[i] = (int)syscall(SYS_open_tree, AT_FDCWD, b->host,
		    OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
		if (fds[i] < 0) {
			fail_msg(res, "cannot bind", b->host, errno);
			return -1;
		}
		job->nbinds = (uint32_t)i + 1;
		memset(&attr, 0, sizeof(attr));
		attr.attr_set = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV |
				(b->rw ? 0 : MOUNT_ATTR_RDONLY);
		/* A clone of a shared mount joins its peer group: mounts
		 * would travel between the host and the box both ways. */
		attr.propagation = MS_PRIVATE;
		if (syscall(SYS_mount_setattr, fds[i], "", AT_EMPTY_PATH, &attr,
			sizeof(attr)) < 0 ||
		    fstat(fds[i], &st) < 0) {
			fail_msg(res, "cannot set up the bind of", b->host,
			    errno);
			return -1;
		}
		job->bind_rw[i] = b->rw;
		job->bind_dir[i] = S_ISDIR(st.st_mode);
	}
	return 0;
}

static char *const default_env[] = {
	"PATH=/usr/local/bin:/usr/bin:/bin",
	"HOME=/box",
	"LANG=C.UTF-8",
	NULL,
};

static void
put_str(FILE *f, const char *str)
{
	fputs(str, f);
	fputc('\0', f);
}


/* The job's strings, in the order box.h gives. */
static int
job_blob(const struct sandbox_config *cfg, const struct sandbox_limits *lim,
    uid_t uid, struct box_job *job, char **blob, size_t *len)
{
	char *const	  *envp = cfg->env ? (char *const *)cfg->env : default_env;
	const char	  *path = "/usr/local/bin:/usr/bin:/bin";
	char		   box[128], tmp[128];
	size_t		   i;
	FILE		  *f;

	for (i = 0; envp[i] != NULL; i++)
		if (strncmp(envp[i], "PATH=", 5) == 0)
			path = envp[i] + 5;
	f = open_memstream(blob, len);
	if (f == NULL)
		return -1;
	put_str(f, cfg->cwd ? cfg->cwd : "/box");
	put_str(f, path);
	tmpfs_opts(lim->tmpfs_kb, lim->inodes, uid, box, tmp);
	put_str(f, box);
	put_str(f, tmp);
	job->own_tmpfs = lim->tmpfs_kb != SANDBOX_DEFAULT_TMPFS_KB ||
			 lim->inodes != SANDBOX_DEFAULT_INODES;
	for (i = 0; cfg->argv[i] != NULL; i++)
		put_str(f, cfg->argv[i]);
	job->argc = (uint32_t)i;
	for (i = 0; envp[i] != NULL; i++)
		put_str(f, envp[i]);
	job->envc = (uint32_t)i;
	for (i = 0; i < cfg->nbinds; i++)
		put_str(f, cfg->binds[i].inside + 1);
	if (fclose(f) != 0)
		return -1;
	return *len <= BOX_JOB_MAX_BLOB ? 0 : 1;
}

/* Send the job with its descriptors; 0 or -1 with errno. */
static int
send_job(int ctl, const struct box_job *job, const char *blob, size_t len,
    const int *fds, int nfds)
{
	union {
		char	       buf[CMSG_SPACE(sizeof(int) * BOX_JOB_NFDS)];
		struct cmsghdr align;
	} cm;
	struct iovec	iov = { .iov_base = (void *)job,
		   .iov_len = sizeof(*job) };
	struct msghdr	mh;
	struct cmsghdr *c;
	size_t		off;
	ssize_t		n;

	memset(&mh, 0, sizeof(mh));
	memset(&cm, 0, sizeof(cm));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cm.buf;
	mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
	c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
	memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	do
		n = sendmsg(ctl, &mh, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	/* The rest of the header, if it went in pieces, then the blob. */
	for (off = (size_t)n; off < sizeof(*job) + len; off += (size_t)n) {
		const char *p = off < sizeof(*job)
				    ? (const char *)job + off
				    : blob + (off - sizeof(*job));
		size_t	    left = off < sizeof(*job) ? sizeof(*job) - off
						      : len - (off - sizeof(*job));

		n = send(ctl, p, left, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR) {
			n = 0;
			continue;
		}
		if (n <= 0)
			return -1;
	}
	return 0;
}

int
sandbox_run(const struct sandbox_config *cfg, struct sandbox_result *res)
{
	struct sandbox_limits lim;
	struct box	     *b = NULL;
	struct box_job	      job;
	struct watch	      w;
	char		     *blob = NULL;
	size_t		      bloblen = 0;
	int		      pipes[P_COUNT][2], fds[P_COUNT];
	int		      jobfds[BOX_JOB_NFDS], njobfds = 0;
	int		      bindfds[BOX_MAX_BINDS];
	int		      i, status = 0, send_err = 0, r;
	int		      feedsp[2] = { -1, -1 }; /* ours, the box's */

	memset(res, 0, sizeof(*res));
	memset(&job, 0, sizeof(job));
	for (i = 0; i < P_COUNT; i++)
		pipes[i][0] = pipes[i][1] = fds[i] = -1;

	if (sandbox_check(res->message, sizeof(res->message)) < 0) {
		res->status = SANDBOX_ERROR;
		return -1;
	}
	if (cfg->argv == NULL || cfg->argv[0] == NULL ||
	    cfg->argv[0][0] == '\0') {
		fail_msg(res, "no program to run", NULL, 0);
		return -1;
	}

	/* Limits, with defaults for zero fields. */
	sandbox_limits_default(&lim);
	if (cfg->limits.cpu_ms)
		lim.cpu_ms = cfg->limits.cpu_ms;
	if (cfg->limits.memory_kb)
		lim.memory_kb = cfg->limits.memory_kb;
	if (cfg->limits.pids)
		lim.pids = cfg->limits.pids;
	if (cfg->limits.fsize_kb)
		lim.fsize_kb = cfg->limits.fsize_kb;
	if (cfg->limits.stdout_max)
		lim.stdout_max = cfg->limits.stdout_max;
	if (cfg->limits.stderr_max)
		lim.stderr_max = cfg->limits.stderr_max;
	if (cfg->limits.tmpfs_kb)
		lim.tmpfs_kb = cfg->limits.tmpfs_kb;
	if (cfg->limits.inodes)
		lim.inodes = cfg->limits.inodes;
	lim.wall_ms = cfg->limits.wall_ms ? cfg->limits.wall_ms
					  : 2 * lim.cpu_ms + 1000;

	job.magic = BOX_JOB_MAGIC;
	job.fsize_bytes = lim.fsize_kb * 1024u;
	job.stack_bytes = lim.memory_kb * 1024u;
	job.cpu_backstop_s =
	    (cfg->channel ? lim.wall_ms : lim.cpu_ms) / 1000 + 2;
	if (open_binds(cfg, &job, bindfds, res) < 0)
		goto fail;

	b = box_take(res->message, sizeof(res->message));
	if (b == NULL)
		goto fail;
	r = job_blob(cfg, &lim, BOX_FIRST_UID + (uid_t)b->slot, &job, &blob,
	    &bloblen);
	if (r != 0) {
		fail_msg(res, r > 0 ? "arguments and environment too large"
				    : "out of memory",
		    NULL, 0);
		goto fail;
	}
	job.blob_len = (uint32_t)bloblen;
	if (cg_set_limits(&b->cg, lim.memory_kb * 1024u, lim.pids,
		res->message, sizeof(res->message)) < 0)
		goto fail;

	for (i = 0; i < P_COUNT; i++) {
		if (i == P_STATUS || (i == P_CHAN && cfg->channel == NULL))
			continue;
		if (pipe2(pipes[i], O_CLOEXEC) < 0) {
			fail_msg(res, "pipe2", NULL, errno);
			goto fail;
		}
	}
	jobfds[njobfds++] = pipes[P_OUT][1];
	jobfds[njobfds++] = pipes[P_ERR][1];
	if (cfg->stdin_buf != NULL) {
		/* A socket rather than a pipe: send() can refuse SIGPIPE when
		 * the program closes its end. One way only. */
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, feedsp) <
		    0) {
			fail_msg(res, "socketpair", NULL, errno);
			goto fail;
		}
		shutdown(feedsp[0], SHUT_RD);
		shutdown(feedsp[1], SHUT_WR);
		jobfds[njobfds++] = feedsp[1];
		job.has_stdin = 1;
	} else if (cfg->stdin_fd >= 0) {
		jobfds[njobfds++] = cfg->stdin_fd;
		job.has_stdin = 1;
	}
	if (cfg->channel != NULL) {
		jobfds[njobfds++] = pipes[P_CHAN][1];
		job.has_chan = 1;
	}
	for (i = 0; i < (int)job.nbinds; i++)
		jobfds[njobfds++] = bindfds[i];

	memset(&w, 0, sizeof(w));
	w.cfg = cfg;
	w.res = res;
	w.cg = &b->cg;
	w.init = b->init;
	w.cpu_limit_ms = lim.cpu_ms;
	w.wall_limit_us = (uint64_t)lim.wall_ms * 1000u;
	if (cfg->channel != NULL && cfg->channel_wall_ms)
		w.chan_deadline_us = cfg->channel_wall_ms * 1000ull;
	w.caps[P_OUT] = lim.stdout_max;
	w.caps[P_ERR] = lim.stderr_max;
	w.caps[P_CHAN] = cfg->channel_max ? cfg->channel_max : lim.stdout_max;
	w.caps[P_STATUS] = UINT64_MAX;
	w.sinks[P_OUT] = cfg->stdout_fd;
	w.sinks[P_ERR] = cfg->stderr_fd;
	w.sinks[P_CHAN] = w.sinks[P_STATUS] = -1;
	w.killed = SANDBOX_OK;
	w.feed_fd = feedsp[0];

	/* PID 1 leaves at idle priority only if nobody waits for it. */
	job.lazy_exit = pool_running();
	w.start_us = now_us();
	if (send_job(b->ctl, &job, blob, bloblen, jobfds, njobfds) < 0) {
		send_err = errno;
		kill(b->init, SIGKILL);
	}
	/* The box holds its own copies now. */
	for (i = 0; i < P_COUNT; i++) {
		if (pipes[i][1] >= 0)
			close(pipes[i][1]);
		pipes[i][1] = -1;
		fds[i] = pipes[i][0];
		pipes[i][0] = -1;
	}
	for (i = 0; i < (int)job.nbinds; i++)
		close(bindfds[i]);
	job.nbinds = 0;
	if (feedsp[1] >= 0)
		close(feedsp[1]);
	feedsp[0] = feedsp[1] = -1; /* ours belongs to the watch now */
	fds[P_STATUS] = b->ctl;

	watch(&w, fds);
	if (w.status_closed)
		b->ctl = -1;
	if (w.dead)
		b->init = -1;

	res->wall_ms = (uint32_t)((now_us() - w.start_us) / 1000);
	res->cpu_ms = (uint32_t)(cg_cpu_usec(&b->cg) / 1000);
	res->memory_kb = cg_peak_bytes(&b->cg) / 1024;
	res->stdout_len = w.lens[P_OUT];
	res->stderr_len = w.lens[P_ERR];

	if (w.killed == SANDBOX_ERROR) {
		res->status = SANDBOX_ERROR;
		goto fail;
	}
	if (w.have_msg && w.msg.kind == BOX_MSG_ERROR) {
		w.msg.step[sizeof(w.msg.step) - 1] = '\0';
		fail_msg(res, "sandbox set-up failed:", w.msg.step, w.msg.err);
		goto fail;
	}
	if (send_err) {
		fail_msg(res, "sending the job to the box", NULL, send_err);
		goto fail;
	}
	if (!w.have_msg) {
		if (w.killed != SANDBOX_OK || res->stopped) {
			res->status = w.killed;
			res->signal = SIGKILL;
		} else {
			fail_msg(res, "the box's init process died unexpectedly",
			    NULL, 0);
			goto fail;
		}
	} else {
		status = w.msg.wstatus;
		if (WIFEXITED(status)) {
			res->exit_code = WEXITSTATUS(status);
			res->status = res->exit_code ? SANDBOX_EXITED
						     : SANDBOX_OK;
		} else if (WIFSIGNALED(status)) {
			res->signal = WTERMSIG(status);
			res->status = SANDBOX_SIGNALED;
			/* SIGXCPU is not taken as a time limit: a program can
			 * raise it itself. Only the cgroup's CPU time says TLE
			 * (below); the RLIMIT_CPU backstop lies beyond it. */
			if (res->signal == SIGXFSZ)
				res->status = SANDBOX_OUTPUT_LIMIT;
		}
		if (w.killed != SANDBOX_OK)
			res->status = w.killed;
	}
	/* Order matters: our own kill names its reason; otherwise an OOM
	 * kill is MLE however the program ended, and time past the limit is
	 * TLE even if the program finished before the watch loop looked. */
	if (w.killed == SANDBOX_OK && !res->stopped) {
		if (cg_oom_killed(&b->cg))
			res->status = SANDBOX_MEMORY_LIMIT;
		else if (res->cpu_ms > w.cpu_limit_ms)
			res->status = SANDBOX_TIME_LIMIT;
		else if (res->wall_ms > lim.wall_ms &&
			 res->status != SANDBOX_OK &&
			 res->status != SANDBOX_EXITED)
			res->status = SANDBOX_WALL_LIMIT;
	}
	box_release(b);
	free(blob);
	return 0;

fail:
	res->status = SANDBOX_ERROR;
	for (i = 0; i < (int)job.nbinds; i++)
		close(bindfds[i]);
	for (i = 0; i < 2; i++)
		if (feedsp[i] >= 0)
			close(feedsp[i]);
	for (i = 0; i < P_COUNT; i++) {
		if (pipes[i][0] >= 0)
			close(pipes[i][0]);
		if (pipes[i][1] >= 0)
			close(pipes[i][1]);
		if (i != P_STATUS && fds[i] >= 0)
			close(fds[i]);
	}
	if (b != NULL)
		box_release(b);
	free(blob);
	return -1;
}
