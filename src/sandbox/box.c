/*
 * sandbox/box.c -- PID 1 of a box and the program's last steps before
 * execve(); see box.h. System calls only from here on: this runs in a
 * child of a possibly multi-threaded process.
 */
#include "sandbox/box.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

/*** Async-signal-safe helpers ***/

static size_t
s_cat(char *dst, size_t size, const char *src)
{
	size_t n = strlen(dst);

	while (*src != '\0' && n + 1 < size)
		dst[n++] = *src++;
	dst[n] = '\0';
	return n;
}

static void
s_fmt_int(char *buf, size_t size, int v)
{
	char	 tmp[16];
	int	 i = 0;
	size_t	 n = 0;
	unsigned u = v < 0 ? (unsigned)-v : (unsigned)v;

	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0 && i < 15);
	if (v < 0 && n + 1 < size)
		buf[n++] = '-';
	while (i > 0 && n + 1 < size)
		buf[n++] = tmp[--i];
	buf[n] = '\0';
}

/* Report a failed step to the parent and die. */
static _Noreturn void
box_fail(int fd, const char *step, const char *detail)
{
	struct box_msg m;
	ssize_t	       n;

	memset(&m, 0, sizeof(m));
	m.kind = BOX_MSG_ERROR;
	m.err = errno;
	s_cat(m.step, sizeof(m.step), step);
	if (detail != NULL) {
		s_cat(m.step, sizeof(m.step), " ");
		s_cat(m.step, sizeof(m.step), detail);
	}
	n = write(fd, &m, sizeof(m)); /* < PIPE_BUF: atomic */
	(void)n;
	_exit(127);
}

static void
root_path(char *buf, size_t size, const char *rel)
{
	buf[0] = '\0';
	s_cat(buf, size, BOX_ROOT "/");
	s_cat(buf, size, rel);
}

static int
openat2_nofollow(int dirfd, const char *name, int flags)
{
	struct open_how how;

	memset(&how, 0, sizeof(how));
	how.flags = (uint64_t)flags | O_CLOEXEC;
	how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS |
		      RESOLVE_BENEATH;
	return (int)syscall(SYS_openat2, dirfd, name, &how, sizeof(how));
}

/*
 * Create (if needed) the mount point `rel` (relative to the box root) as a
 * directory or an empty file, without following any symlink on the way:
 * the path may cross a read-write host directory that a program wrote in
 * an earlier run. Returns an O_PATH descriptor of it, or -1.
 */
static int
make_mount_point(int rootfd, const char *rel, bool is_dir)
{
	char comp[PATH_MAX];
	int  dirfd, fd;
	const char *p = rel;

	dirfd = fcntl(rootfd, F_DUPFD_CLOEXEC, 0);
	if (dirfd < 0)
		return -1;
	while (*p == '/')
		p++;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t	    len = slash ? (size_t)(slash - p) : strlen(p);
		bool	    last;

		if (len == 0 || len >= sizeof(comp))
			goto fail;
		memcpy(comp, p, len);
		comp[len] = '\0';
		p += len;
		while (*p == '/')
			p++;
		last = *p == '\0';
		if (strcmp(comp, "..") == 0 || strcmp(comp, ".") == 0) {
			errno = EINVAL;
			goto fail;
		}
		if (!last || is_dir) {
			if (mkdirat(dirfd, comp, 0755) < 0 && errno != EEXIST)
				goto fail;
		} else {
			/* O_NONBLOCK: a FIFO planted there must not hang us. */
			int f = openat(dirfd, comp,
			    O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
				O_CLOEXEC,
			    0644);

			if (f < 0 && errno != EEXIST && errno != EISDIR)
				goto fail;
			if (f >= 0)
				close(f);
		}
		fd = openat2_nofollow(dirfd, comp,
		    O_PATH | (last && !is_dir ? 0 : O_DIRECTORY));
		close(dirfd);
		if (fd < 0)
			return -1;
		if (last)
			return fd;
		dirfd = fd;
	}
fail:
	close(dirfd);
	return -1;
}

static void
fd_path(char *buf, size_t size, int fd)
{
	char num[16];

	buf[0] = '\0';
	s_fmt_int(num, sizeof(num), fd);
	s_cat(buf, size, "/proc/self/fd/");
	s_cat(buf, size, num);
}

/*** Building the root ***/

static void
bind_into(const struct box_plan *p, int rootfd, const char *src,
    const char *dst, bool rw, bool is_dir)
{
	char	      path[64];
	int	      fd;
	unsigned long flags = MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NODEV;

	fd = make_mount_point(rootfd, dst, is_dir);
	if (fd < 0)
		box_fail(p->ctl, "creating mount point", dst);
	fd_path(path, sizeof(path), fd);
	if (mount(src, path, NULL, MS_BIND, NULL) < 0)
		box_fail(p->ctl, "bind mount of", src);
	close(fd);
	/* Reopen: the descriptor above names the covered directory, not the
	 * new mount. */
	fd = openat2_nofollow(rootfd, dst, O_PATH);
	if (fd < 0)
		box_fail(p->ctl, "reopening mount point", dst);
	fd_path(path, sizeof(path), fd);
	if (!rw)
		flags |= MS_RDONLY;
	if (mount(NULL, path, NULL, flags, NULL) < 0)
		box_fail(p->ctl, "remounting", dst);
	close(fd);
}

/* Private tmpfs /box (owned by the box uid), /tmp and /dev/shm. */
static void
mount_private_dirs(const struct box_plan *p, const char *box_opts,
    const char *tmp_opts)
{
	if (mount("box", "/box", "tmpfs", MS_NOSUID | MS_NODEV, box_opts) < 0)
		box_fail(p->ctl, "mounting /box", NULL);
	if (mount("tmp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, tmp_opts) < 0)
		box_fail(p->ctl, "mounting /tmp", NULL);
	if (mount("shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, tmp_opts) <
	    0)
		box_fail(p->ctl, "mounting /dev/shm", NULL);
}

/*
 * Everything of the root that does not depend on the job: a tmpfs with
 * the mount points, /dev, the read-only /usr and /etc, this pid
 * namespace's /proc; then pivot_root into it. The root stays writable
 * until the job's mounts are in (mount_job).
 */
static void
build_base(const struct box_plan *p)
{
	static const struct {
		const char *name;
		int	    minor;
	} devs[] = {
		{ "dev/null", 3 },   { "dev/zero", 5 },	   { "dev/full", 7 },
		{ "dev/random", 8 }, { "dev/urandom", 9 },
	};
	static const char *const dirs[] = { "usr", "etc", "box", "tmp", "dev",
		"dev/shm", "proc" };
	char   path[PATH_MAX];
	int    rootfd, i;
	size_t k;

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		box_fail(p->ctl, "making mounts private", NULL);
	/* No MS_NODEV: the five device nodes below live here. The root is
	 * made read-only before the program starts. */
	if (mount("gavel", BOX_ROOT, "tmpfs", MS_NOSUID,
		"size=256k,nr_inodes=256,mode=0755") < 0)
		box_fail(p->ctl, "mounting the root tmpfs", NULL);
	rootfd = open(BOX_ROOT, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		box_fail(p->ctl, "opening", BOX_ROOT);
	for (k = 0; k < sizeof(dirs) / sizeof(dirs[0]); k++)
		if (mkdirat(rootfd, dirs[k], 0755) < 0)
			box_fail(p->ctl, "mkdir", dirs[k]);
	for (i = 0; i < p->nlinks; i++)
		if (symlinkat(p->link_targets[i], rootfd, p->link_names[i]) < 0)
			box_fail(p->ctl, "symlink", p->link_names[i]);
	for (k = 0; k < sizeof(devs) / sizeof(devs[0]); k++)
		if (mknodat(rootfd, devs[k].name, S_IFCHR | 0666,
			makedev(1, devs[k].minor)) < 0)
			box_fail(p->ctl, "mknod", devs[k].name);
	if (symlinkat("/proc/self/fd", rootfd, "dev/fd") < 0 ||
	    symlinkat("/proc/self/fd/0", rootfd, "dev/stdin") < 0 ||
	    symlinkat("/proc/self/fd/1", rootfd, "dev/stdout") < 0 ||
	    symlinkat("/proc/self/fd/2", rootfd, "dev/stderr") < 0)
		box_fail(p->ctl, "symlinks in /dev", NULL);

	bind_into(p, rootfd, "/usr", "usr", false, true);
	bind_into(p, rootfd, BOX_ETC, "etc", false, true);

	/* This pid namespace's own /proc; hidepid=2 hides PID 1 (root). */
	root_path(path, sizeof(path), "proc");
	if (mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		"hidepid=2") < 0)
		box_fail(p->ctl, "mounting /proc", NULL);
	close(rootfd);

	if (chdir(BOX_ROOT) < 0 || syscall(SYS_pivot_root, ".", ".") < 0)
		box_fail(p->ctl, "pivot_root", NULL);
	/* The old root is stacked on the new one: detach it. */
	if (umount2(".", MNT_DETACH) < 0 || chdir("/") < 0)
		box_fail(p->ctl, "detaching the old root", NULL);
	if (sethostname("gavel", 5) < 0)
		box_fail(p->ctl, "sethostname", NULL);
	mount_private_dirs(p, p->base_box_opts, p->base_tmp_opts);
}


/*
 * The job's part of the root: private /box, /tmp and /dev/shm of the job's
 * size if it is not the default one (those are made ahead), then its binds, which the parent opened as detached mounts
 * (open_tree) with their flags already set: PID 1 no longer sees the
 * host's paths. Then the root becomes read-only.
 */
static void
mount_job(const struct box_plan *p, const struct box_job *job,
    const char *const *dsts, const int *bind_fds)
{
	uint32_t i;
	int	 rootfd;

	/* Another size than the ones made ahead: fresh ones on top. */
	if (job->own_tmpfs)
		mount_private_dirs(p, p->tmpfs_opts, p->tmp_opts);

	rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		box_fail(p->ctl, "opening the root", NULL);
	for (i = 0; i < job->nbinds; i++) {
		int mp = make_mount_point(rootfd, dsts[i], job->bind_dir[i]);

		if (mp < 0)
			box_fail(p->ctl, "creating mount point", dsts[i]);
		if (move_mount(bind_fds[i], "", mp, "",
			MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) < 0)
			box_fail(p->ctl, "attaching the bind at", dsts[i]);
		close(mp);
		close(bind_fds[i]);
	}
	close(rootfd);
	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID,
		NULL) < 0)
		box_fail(p->ctl, "making / read-only", NULL);
}

/* Read exactly n bytes; 0 at a clean EOF before any, -1 otherwise. */
static int
read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got == 0 && r == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

/* Next NUL-terminated string of the blob, or NULL past its end. */
static const char *
blob_next(const char **cur, const char *end)
{
	const char *s = *cur, *nul;

	if (s >= end || (nul = memchr(s, '\0', (size_t)(end - s))) == NULL)
		return NULL;
	*cur = nul + 1;
	return s;
}

static void *
map_anon(size_t n)
{
	void *m = mmap(NULL, n, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return m == MAP_FAILED ? NULL : m;
}

/*
 * Wait for the job and fill the plan's job fields from it; the bind mount
 * points and descriptors go to dsts and bind_fds. Exits quietly when the
 * parent closes the socket without sending one (a spare box no longer
 * needed).
 */
static void
receive_job(struct box_plan *p, struct box_job *job, const char **dsts,
    int *bind_fds)
{
	union {
		char	       buf[CMSG_SPACE(sizeof(int) * BOX_JOB_NFDS)];
		struct cmsghdr align;
	} cm;
	struct iovec   iov = { .iov_base = job, .iov_len = sizeof(*job) };
	struct msghdr  mh;
	struct cmsghdr *c;
	const char    *cur, *end;
	const char   **vec;
	char	      *blob;
	int	       fds[BOX_JOB_NFDS], nfds = 0, k = 0;
	uint32_t       i, want;
	ssize_t	       r;

	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cm.buf;
	mh.msg_controllen = sizeof(cm.buf);
	do
		r = recvmsg(p->ctl, &mh, MSG_CMSG_CLOEXEC);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		_exit(0); /* not needed after all */
	if (r < 0)
		box_fail(p->ctl, "receiving the job", NULL);
	if ((size_t)r < sizeof(*job) &&
	    read_full(p->ctl, (char *)job + r, sizeof(*job) - (size_t)r) != 1)
		box_fail(p->ctl, "receiving the job", "(short)");
	for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			nfds = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
			if (nfds > BOX_JOB_NFDS)
				nfds = BOX_JOB_NFDS;
			memcpy(fds, CMSG_DATA(c), sizeof(int) * (size_t)nfds);
		}
	errno = EPROTO;
	want = 2u + job->has_stdin + job->has_chan + job->nbinds;
	if (job->magic != BOX_JOB_MAGIC || job->nbinds > BOX_MAX_BINDS ||
	    job->blob_len == 0 || job->blob_len > BOX_JOB_MAX_BLOB ||
	    (mh.msg_flags & MSG_CTRUNC) || (uint32_t)nfds != want)
		box_fail(p->ctl, "receiving the job", "(malformed)");

	blob = map_anon(job->blob_len);
	vec = map_anon(sizeof(char *) * ((size_t)job->argc + job->envc + 2));
	if (blob == NULL || vec == NULL)
		box_fail(p->ctl, "mapping the job", NULL);
	if (read_full(p->ctl, blob, job->blob_len) != 1)
		box_fail(p->ctl, "receiving the job", "(blob)");
	cur = blob;
	end = blob + job->blob_len;
	errno = EPROTO;
	if ((p->cwd = blob_next(&cur, end)) == NULL ||
	    (p->path_env = blob_next(&cur, end)) == NULL ||
	    (p->tmpfs_opts = blob_next(&cur, end)) == NULL ||
	    (p->tmp_opts = blob_next(&cur, end)) == NULL)
		box_fail(p->ctl, "receiving the job", "(strings)");
	for (i = 0; i < job->argc + job->envc; i++)
		if ((vec[i + (i >= job->argc)] = blob_next(&cur, end)) == NULL)
			box_fail(p->ctl, "receiving the job", "(argv)");
	vec[job->argc] = NULL;
	vec[job->argc + job->envc + 1] = NULL;
	for (i = 0; i < job->nbinds; i++)
		if ((dsts[i] = blob_next(&cur, end)) == NULL)
			box_fail(p->ctl, "receiving the job", "(binds)");
	p->argv = vec;
	p->envp = (char *const *)(vec + job->argc + 1);
	p->fsize_bytes = job->fsize_bytes;
	p->stack_bytes = job->stack_bytes;
	p->cpu_backstop_s = job->cpu_backstop_s;
	p->stdout_w = fds[k++];
	p->stderr_w = fds[k++];
	p->stdin_fd = job->has_stdin ? fds[k++] : -1;
	p->chan_w = job->has_chan ? fds[k++] : -1;
	for (i = 0; i < job->nbinds; i++)
		bind_fds[i] = fds[k++];
}

/*** The program ***/

static void
set_rlimit(int fd, int res, uint64_t v)
{
	struct rlimit rl = { .rlim_cur = v, .rlim_max = v };

	if (setrlimit(res, &rl) < 0)
		box_fail(fd, "setrlimit", NULL);
}

/*
 * What a process inherits from the caller and exec keeps: ignored signals,
 * the signal mask, and the OOM score adjustment. A server that ignores
 * SIGPIPE or SIGXFSZ, blocks SIGTERM, or protects itself from the OOM
 * killer must not pass that on (a box that cannot be OOM-killed spins at
 * its memory limit until its time runs out; found by tests/evil).
 */
static void
reset_inherited(int errfd)
{
	struct sigaction sa;
	sigset_t	 none;
	char		 buf[16];
	ssize_t		 n;
	int		 sig, fd;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			(void)sigaction(sig, &sa, NULL); /* EINVAL: reserved */
	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL) < 0)
		box_fail(errfd, "clearing the signal mask", NULL);

	fd = open("/proc/self/oom_score_adj", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		box_fail(errfd, "opening /proc/self/oom_score_adj", NULL);
	n = read(fd, buf, sizeof(buf) - 1);
	/* Raising it is always allowed; never leave it below 0. */
	if (n <= 0 || (buf[0] == '-' && write(fd, "0", 1) != 1))
		box_fail(errfd, "resetting oom_score_adj", NULL);
	close(fd);
}

static _Noreturn void
exec_program(const struct box_plan *p, int errfd)
{
	const char *name = p->argv[0];
	char	    path[PATH_MAX];
	const char *dir;
	int	    saved = ENOENT;

	if (strchr(name, '/') != NULL) {
		execve(name, (char *const *)p->argv, p->envp);
		box_fail(errfd, "execve", name);
	}
	for (dir = p->path_env; dir != NULL && *dir != '\0';) {
		const char *end = strchr(dir, ':');
		size_t	    len = end ? (size_t)(end - dir) : strlen(dir);

		if (len > 0 && len + strlen(name) + 2 < sizeof(path)) {
			memcpy(path, dir, len);
			path[len] = '/';
			strcpy(path + len + 1, name);
			execve(path, (char *const *)p->argv, p->envp);
			if (errno != ENOENT && errno != ENOTDIR)
				saved = errno;
		}
		dir = end ? end + 1 : NULL;
	}
	errno = saved;
	box_fail(errfd, "execve", name);
}

static _Noreturn void
program(const struct box_plan *p, int errfd, bool in_cgroup)
{
	int in, fds[5], n = 0, i, e;

	/* Join the box's cgroup (unless born in it), then hide everything
	 * above it. */
	for (i = 0; i < p->ncg_procs && !in_cgroup; i++)
		if (write(p->cg_procs[i], "0", 1) != 1)
			box_fail(errfd, "joining the cgroup", NULL);
	if (unshare(CLONE_NEWCGROUP) < 0)
		box_fail(errfd, "unshare(CLONE_NEWCGROUP)", NULL);
	if (setsid() < 0)
		box_fail(errfd, "setsid", NULL);

	in = p->stdin_fd;
	if (in < 0 && (in = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
		box_fail(errfd, "opening /dev/null", NULL);
	/* Lift every descriptor clear of 0..3 before placing them. */
	fds[n++] = fcntl(in, F_DUPFD, 100);
	fds[n++] = fcntl(p->stdout_w, F_DUPFD, 100);
	fds[n++] = fcntl(p->stderr_w, F_DUPFD, 100);
	if (p->chan_w >= 0)
		fds[n++] = fcntl(p->chan_w, F_DUPFD, 100);
	e = fcntl(errfd, F_DUPFD_CLOEXEC, 100);
	for (i = 0; i < n; i++)
		if (fds[i] < 0 || dup2(fds[i], i) < 0)
			box_fail(errfd, "placing descriptors", NULL);
	if (e < 0)
		box_fail(errfd, "placing descriptors", NULL);
	/* Nothing else of the parent's reaches the program. */
	if (syscall(SYS_close_range, n, e - 1, 0) < 0 ||
	    syscall(SYS_close_range, e + 1, ~0U, 0) < 0)
		box_fail(e, "close_range", NULL);

	set_rlimit(e, RLIMIT_CORE, 0);
	set_rlimit(e, RLIMIT_MEMLOCK, 0);
	set_rlimit(e, RLIMIT_MSGQUEUE, 0);
	set_rlimit(e, RLIMIT_NOFILE, 256);
	set_rlimit(e, RLIMIT_FSIZE, p->fsize_bytes);
	set_rlimit(e, RLIMIT_STACK, p->stack_bytes);
	set_rlimit(e, RLIMIT_CPU, p->cpu_backstop_s);
	/* No real-time scheduling and no priority above normal, whatever
	 * the caller runs at: a box must not starve the host. */
	set_rlimit(e, RLIMIT_RTPRIO, 0);
	set_rlimit(e, RLIMIT_NICE, 0);
	{
		struct sched_param sp = { .sched_priority = 0 };
		long		   raw = syscall(SYS_getpriority, PRIO_PROCESS, 0);

		if (syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp) < 0)
			box_fail(e, "resetting the scheduling policy", NULL);
		/* The raw call answers 20 - nice. */
		if (raw > 20 && syscall(SYS_setpriority, PRIO_PROCESS, 0, 0) < 0)
			box_fail(e, "resetting the priority", NULL);
	}

	reset_inherited(e);
	if (chdir(p->cwd) < 0)
		box_fail(e, "chdir", p->cwd);
	for (i = 0; i <= p->last_cap; i++)
		if (prctl(PR_CAPBSET_DROP, i, 0, 0, 0) < 0 && errno != EINVAL)
			box_fail(e, "dropping capabilities", NULL);
	/* Raw system calls: libc's wrappers broadcast the change to every
	 * thread they know of, and in this child of a multi-threaded parent
	 * they would wait forever for threads that are not here. */
	if (syscall(SYS_setgroups, 0, NULL) < 0 ||
	    syscall(SYS_setresgid, p->gid, p->gid, p->gid) < 0 ||
	    syscall(SYS_setresuid, p->uid, p->uid, p->uid) < 0)
		box_fail(e, "switching to the box user", NULL);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		box_fail(e, "no_new_privs", NULL);
	umask(022);
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &p->filter, 0, 0) < 0)
		box_fail(e, "installing the seccomp filter", NULL);
	exec_program(p, e);
}

/*** PID 1 ***/

/*
 * Fork the program. On cgroup v2 it is born in the box's cgroup
 * (CLONE_INTO_CGROUP): moving a process in later takes a global lock whose
 * first taking waits out an RCU grace period. Falls back to a plain fork
 * (and the program joins by itself) where clone3 cannot do that.
 */
static pid_t
spawn(const struct box_plan *p, bool *in_cgroup)
{
	struct clone_args args;
	long		  pid;

	*in_cgroup = false;
	if (p->cg_dir >= 0) {
		memset(&args, 0, sizeof(args));
		args.flags = CLONE_INTO_CGROUP;
		args.exit_signal = SIGCHLD;
		args.cgroup = (uint64_t)p->cg_dir;
		pid = syscall(SYS_clone3, &args, sizeof(args));
		if (pid >= 0) {
			*in_cgroup = true;
			return (pid_t)pid;
		}
		if (errno != ENOSYS && errno != EINVAL && errno != E2BIG)
			return -1;
	}
	return (pid_t)syscall(SYS_clone, SIGCHLD, NULL, NULL, NULL, NULL);
}

/*
 * Close every descriptor inherited from the parent but the plan's own. The
 * parent may be running other boxes from other threads: holding their
 * pipes would keep them from seeing their boxes end.
 */
static void
close_others(const struct box_plan *p)
{
	int keep[8], n = 0, i, j, lo;

	keep[n++] = p->ctl;
	keep[n++] = p->netns_fd;
	if (p->cg_dir >= 0)
		keep[n++] = p->cg_dir;
	for (i = 0; i < p->ncg_procs; i++)
		keep[n++] = p->cg_procs[i];
	/* Sort (insertion: n is tiny), then close the gaps between. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && keep[j - 1] > keep[j]; j--) {
			int t = keep[j];

			keep[j] = keep[j - 1];
			keep[j - 1] = t;
		}
	lo = 0;
	for (i = 0; i < n; i++) {
		if (keep[i] > lo)
			syscall(SYS_close_range, lo, keep[i] - 1, 0);
		if (keep[i] + 1 > lo)
			lo = keep[i] + 1;
	}
	syscall(SYS_close_range, lo, ~0U, 0);
}

void
box_init(struct box_plan *p)
{
	struct sched_param normal = { .sched_priority = 0 };
	struct box_msg	   m;
	struct box_job	   job;
	struct pollfd  pfd = { .fd = p->ctl, .events = POLLRDHUP };
	const char    *dsts[BOX_MAX_BINDS];
	int	       bind_fds[BOX_MAX_BINDS];
	int	       errpipe[2], st, i;
	pid_t	       pid, w;
	ssize_t	       r;
	bool	       in_cgroup;

	close_others(p);
	/* Die with the parent's thread; if it is already gone, its end of
	 * the control socket is closed. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		box_fail(p->ctl, "PR_SET_PDEATHSIG", NULL);
	if (poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & (POLLRDHUP | POLLHUP | POLLERR)))
		_exit(127);
	if (setns(p->netns_fd, CLONE_NEWNET) < 0)
		box_fail(p->ctl, "joining the network namespace", NULL);
	close(p->netns_fd);
	umask(0);
	build_base(p);
	/* A box made ahead was made at idle priority: it answers its job at
	 * normal priority. */
	if (syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &normal) < 0)
		box_fail(p->ctl, "sched_setscheduler", NULL);

	receive_job(p, &job, dsts, bind_fds);
	mount_job(p, &job, dsts, bind_fds);

	if (pipe2(errpipe, O_CLOEXEC) < 0)
		box_fail(p->ctl, "pipe2", NULL);
	pid = spawn(p, &in_cgroup);
	if (pid < 0)
		box_fail(p->ctl, "fork", NULL);
	if (pid == 0) {
		close(errpipe[0]);
		close(p->ctl);
		program(p, errpipe[1], in_cgroup);
	}

	/* Only the program holds the box's ends of its pipes. */
	close(errpipe[1]);
	if (p->stdin_fd >= 0)
		close(p->stdin_fd);
	close(p->stdout_w);
	close(p->stderr_w);
	if (p->chan_w >= 0)
		close(p->chan_w);
	for (i = 0; i < p->ncg_procs; i++)
		close(p->cg_procs[i]);
	if (p->cg_dir >= 0)
		close(p->cg_dir);

	r = read(errpipe[0], &m, sizeof(m));
	if (r == (ssize_t)sizeof(m)) {
		/* The program never started: pass its report on. */
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		r = write(p->ctl, &m, sizeof(m));
		_exit(127);
	}

	/* Reap orphans that the box's processes leave behind, until the
	 * program itself is done. */
	for (;;) {
		w = waitpid(-1, &st, __WALL);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			box_fail(p->ctl, "waitpid", NULL);
	}
	memset(&m, 0, sizeof(m));
	m.kind = BOX_MSG_DONE;
	m.wstatus = st;
	/* What is left, the namespaces' teardown when PID 1 exits, can
	 * wait for an idle CPU when no caller waits for it. */
	if (job.lazy_exit)
		(void)syscall(SYS_sched_setscheduler, 0, SCHED_IDLE, &normal);
	r = write(p->ctl, &m, sizeof(m));
	(void)r;
	/* Leaving kills every process still in the namespace. */
	_exit(0);
}
