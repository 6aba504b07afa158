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
 * tests/evil's netns_reuse). Making one costs a third of a box's start, so
 * a process that runs more than one box keeps a few made ahead by a
 * background thread; a one-shot `gavel run` makes its one on the spot.
 */
#define NETNS_SPARE 4

static pthread_mutex_t netns_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  netns_cv = PTHREAD_COND_INITIALIZER;
static int	       netns_spare[NETNS_SPARE];
static int	       netns_nspare;
static int	       netns_runs;	  /* boxes started by this process */
static int	       netns_maker_started;

/* A fresh, empty network namespace, or -1 with errno. */
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

static void *
netns_maker(void *arg)
{
	(void)arg;
	for (;;) {
		int fd;

		pthread_mutex_lock(&netns_mu);
		while (netns_nspare == NETNS_SPARE)
			pthread_cond_wait(&netns_cv, &netns_mu);
		pthread_mutex_unlock(&netns_mu);
		fd = netns_make();
		if (fd < 0) {
			struct timespec ts = { 0, 100 * 1000 * 1000 };

			nanosleep(&ts, NULL); /* try again later */
			continue;
		}
		pthread_mutex_lock(&netns_mu);
		netns_spare[netns_nspare++] = fd;
		pthread_mutex_unlock(&netns_mu);
	}
	return NULL;
}

/* A never-used network namespace for one box; the caller closes it. */
static int
netns_take(void)
{
	int fd = -1;

	pthread_mutex_lock(&netns_mu);
	if (netns_nspare > 0) {
		fd = netns_spare[--netns_nspare];
		pthread_cond_signal(&netns_cv);
	}
	/* From the second box on, keep spares coming. */
	if (++netns_runs == 2 && !netns_maker_started) {
		pthread_t	t;
		pthread_attr_t	a;

		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&t, &a, netns_maker, NULL) == 0)
			netns_maker_started = 1;
		pthread_attr_destroy(&a);
	}
	pthread_mutex_unlock(&netns_mu);
	return fd >= 0 ? fd : netns_make();
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
	bool			     dead;
	struct box_msg		     msg;
	bool			     have_msg;
};

static void
watch_kill(struct watch *w, enum sandbox_status why)
{
	if (w->killed == SANDBOX_OK && !w->dead)
		w->killed = why;
	if (!w->dead)
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
		if ((size_t)n >= sizeof(w->msg)) {
			memcpy(&w->msg, buf, sizeof(w->msg));
			w->have_msg = true;
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
			if (!w->dead)
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
		if (!w->dead) {
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
				if (map[i] == P_STATUS && !w->dead) {
					/* PID 1 is gone: so is the box. */
					while (waitpid(w->init, &st, __WALL) <
						   0 &&
					    errno == EINTR)
						;
					w->dead = true;
				}
				close(fds[map[i]]);
				fds[map[i]] = -1;
				open_fds--;
			}
		}
	}
	if (!w->dead) {
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

static int
plan_binds(struct box_plan *plan, const struct sandbox_config *cfg,
    struct sandbox_result *res)
{
	size_t i;

	if (cfg->nbinds > BOX_MAX_BINDS) {
		fail_msg(res, "too many directory binds", NULL, 0);
		return -1;
	}
	for (i = 0; i < cfg->nbinds; i++) {
		const struct sandbox_bind *b = &cfg->binds[i];
		struct box_bind		  *d = &plan->binds[i];
		struct stat		   st;

		if (b->host[0] != '/' || b->inside[0] != '/' ||
		    strstr(b->inside, "/..") != NULL ||
		    strlen(b->host) >= sizeof(d->src) ||
		    strlen(b->inside) >= sizeof(d->dst)) {
			fail_msg(res, "bind paths must be absolute, without "
				      "'..':", b->inside, 0);
			return -1;
		}
		if (stat(b->host, &st) < 0) {
			fail_msg(res, "cannot bind", b->host, errno);
			return -1;
		}
		snprintf(d->src, sizeof(d->src), "%s", b->host);
		snprintf(d->dst, sizeof(d->dst), "%s", b->inside + 1);
		d->rw = b->rw;
		d->is_dir = S_ISDIR(st.st_mode);
	}
	plan->nbinds = (int)cfg->nbinds;
	return 0;
}

static char *const default_env[] = {
	"PATH=/usr/local/bin:/usr/bin:/bin",
	"HOME=/box",
	"LANG=C.UTF-8",
	NULL,
};

int
sandbox_run(const struct sandbox_config *cfg, struct sandbox_result *res)
{
	struct sandbox_limits lim;
	struct box_plan	     *plan = NULL;
	struct cgroup	      cg;
	struct watch	      w;
	char		      name[32];
	int		      pipes[P_COUNT][2], fds[P_COUNT];
	int		      slot = -1, slotfd = -1, i, status = 0;
	int		      netns = -1;
	int		      feedsp[2] = { -1, -1 }; /* ours, the box's */
	pid_t		      pid;
	const char *const    *e;

	memset(res, 0, sizeof(*res));
	memset(&cg, 0, sizeof(cg));
	cg.ndirs = 0;
	for (i = 0; i < CG_MAX_DIRS; i++)
		cg.procs_fd[i] = -1;
	cg.cpu_fd = cg.peak_fd = cg.oom_fd = cg.dir_fd = -1;
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

	plan = calloc(1, sizeof(*plan));
	if (plan == NULL) {
		fail_msg(res, "out of memory", NULL, 0);
		return -1;
	}
	if (plan_binds(plan, cfg, res) < 0)
		goto fail;

	slotfd = slot_acquire(&slot);
	if (slotfd < 0) {
		fail_msg(res, "no free box slot", NULL, errno);
		goto fail;
	}
	snprintf(name, sizeof(name), "box-%d", slot);
	if (cg_create(&cg, name, lim.memory_kb * 1024u, lim.pids, res->message,
		sizeof(res->message)) < 0) {
		res->status = SANDBOX_ERROR;
		goto fail;
	}

	for (i = 0; i < P_COUNT; i++) {
		if (i == P_CHAN && cfg->channel == NULL)
			continue;
		if (pipe2(pipes[i], O_CLOEXEC) < 0) {
			fail_msg(res, "pipe2", NULL, errno);
			goto fail;
		}
	}

	plan->uid = BOX_FIRST_UID + (uid_t)slot;
	plan->gid = BOX_FIRST_UID + (gid_t)slot;
	for (i = 0; i < nlinks; i++) {
		memcpy(plan->link_names[i], links[i][0],
		    sizeof(plan->link_names[i]));
		memcpy(plan->link_targets[i], links[i][1],
		    sizeof(plan->link_targets[i]));
	}
	plan->nlinks = nlinks;
	snprintf(plan->tmpfs_opts, sizeof(plan->tmpfs_opts),
	    "size=%" PRIu64 "k,nr_inodes=%u,mode=0755,uid=%u,gid=%u",
	    lim.tmpfs_kb, lim.inodes, plan->uid, plan->gid);
	snprintf(plan->tmp_opts, sizeof(plan->tmp_opts),
	    "size=%" PRIu64 "k,nr_inodes=%u,mode=1777", lim.tmpfs_kb,
	    lim.inodes);
	snprintf(plan->cwd, sizeof(plan->cwd), "%s", cfg->cwd ? cfg->cwd : "/box");
	plan->argv = cfg->argv;
	plan->envp = cfg->env ? (char *const *)cfg->env : default_env;
	plan->path_env = "/usr/local/bin:/usr/bin:/bin";
	for (e = (const char *const *)plan->envp; *e != NULL; e++)
		if (strncmp(*e, "PATH=", 5) == 0)
			plan->path_env = *e + 5;
	plan->filter = seccomp_prog;
	plan->fsize_bytes = lim.fsize_kb * 1024u;
	plan->stack_bytes = lim.memory_kb * 1024u;
	plan->cpu_backstop_s = (cfg->channel ? lim.wall_ms : lim.cpu_ms) / 1000 + 2;
	plan->last_cap = last_cap;
	plan->stdin_fd = cfg->stdin_fd;
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
		plan->stdin_fd = feedsp[1];
	}
	plan->stdout_w = pipes[P_OUT][1];
	plan->stderr_w = pipes[P_ERR][1];
	plan->chan_w = pipes[P_CHAN][1];
	plan->status_w = pipes[P_STATUS][1];
	netns = plan->netns_fd = netns_take();
	if (plan->netns_fd < 0) {
		fail_msg(res, "cannot make a network namespace", NULL, errno);
		goto fail;
	}
	for (i = 0; i < cg.ndirs; i++)
		plan->cg_procs[i] = cg.procs_fd[i];
	plan->ncg_procs = cg.ndirs;
	plan->cg_dir = cg.dir_fd;

	memset(&w, 0, sizeof(w));
	w.cfg = cfg;
	w.res = res;
	w.cg = &cg;
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

	w.start_us = now_us();
	pid = (pid_t)syscall(SYS_clone,
	    CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC |
		CLONE_NEWUTS | SIGCHLD,
	    NULL, NULL, NULL, NULL);
	if (pid < 0) {
		fail_msg(res, "clone", NULL, errno);
		goto fail;
	}
	if (pid == 0) {
		for (i = 0; i < P_COUNT; i++)
			if (pipes[i][0] >= 0)
				close(pipes[i][0]);
		box_init(plan);
	}
	w.init = pid;
	for (i = 0; i < P_COUNT; i++) {
		if (pipes[i][1] >= 0)
			close(pipes[i][1]);
		pipes[i][1] = -1;
		fds[i] = pipes[i][0];
		pipes[i][0] = -1;
	}
	/* The box holds its own copies now. */
	close(netns);
	netns = -1;
	if (feedsp[1] >= 0)
		close(feedsp[1]);
	feedsp[0] = feedsp[1] = -1; /* ours belongs to the watch now */
	for (i = 0; i < cg.ndirs; i++) {
		close(cg.procs_fd[i]);
		cg.procs_fd[i] = -1;
	}

	watch(&w, fds);

	res->wall_ms = (uint32_t)((now_us() - w.start_us) / 1000);
	res->cpu_ms = (uint32_t)(cg_cpu_usec(&cg) / 1000);
	res->memory_kb = cg_peak_bytes(&cg) / 1024;
	res->stdout_len = w.lens[P_OUT];
	res->stderr_len = w.lens[P_ERR];

	if (w.killed == SANDBOX_ERROR) {
		res->status = SANDBOX_ERROR;
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
	} else if (w.msg.kind == BOX_MSG_ERROR) {
		w.msg.step[sizeof(w.msg.step) - 1] = '\0';
		fail_msg(res, "sandbox set-up failed:", w.msg.step, w.msg.err);
		goto fail;
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
		if (cg_oom_killed(&cg))
			res->status = SANDBOX_MEMORY_LIMIT;
		else if (res->cpu_ms > w.cpu_limit_ms)
			res->status = SANDBOX_TIME_LIMIT;
		else if (res->wall_ms > lim.wall_ms &&
			 res->status != SANDBOX_OK &&
			 res->status != SANDBOX_EXITED)
			res->status = SANDBOX_WALL_LIMIT;
	}
	cg_destroy(&cg);
	close(slotfd);
	free(plan);
	return 0;

fail:
	res->status = SANDBOX_ERROR;
	if (netns >= 0)
		close(netns);
	for (i = 0; i < 2; i++)
		if (feedsp[i] >= 0)
			close(feedsp[i]);
	for (i = 0; i < P_COUNT; i++) {
		if (pipes[i][0] >= 0)
			close(pipes[i][0]);
		if (pipes[i][1] >= 0)
			close(pipes[i][1]);
		if (fds[i] >= 0)
			close(fds[i]);
	}
	cg_destroy(&cg);
	if (slotfd >= 0)
		close(slotfd);
	free(plan);
	return -1;
}
