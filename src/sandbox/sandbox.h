/*
 * sandbox/sandbox.h -- run one untrusted program in a fresh Linux sandbox.
 *
 * This is the only header the judge includes from the sandbox. One call,
 * sandbox_run(), creates a box (new pid, mount, network, IPC, UTS and
 * cgroup namespaces, a private root of read-only toolchain binds, private
 * writable /box, /tmp and /dev/shm, a fresh cgroup, a unique uid, a seccomp
 * filter), runs the program in it, enforces the limits, and tears it all
 * down again before returning. Nothing of the box survives the call.
 *
 * The caller must be root (or hold CAP_SYS_ADMIN, CAP_SETUID, CAP_SETGID
 * and write access to the cgroup hierarchy). sandbox_check() says whether
 * this machine can run boxes, and why not.
 *
 * Output never reaches a path of the program's choosing: the box's stdout,
 * stderr and (optionally) a result channel on fd 3 are pipes read by the
 * calling process, counted against their caps, and copied to descriptors
 * the caller provides, or handed to a callback.
 *
 * Thread safety: sandbox_run() may be called from several threads at once;
 * each call takes its own box slot (uid and cgroup). It forks, so the
 * caller must not rely on anything of its own being inherited.
 */
#ifndef GAVEL_SANDBOX_SANDBOX_H
#define GAVEL_SANDBOX_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Defaults, as in the README. */
#define SANDBOX_DEFAULT_CPU_MS	   2000u
#define SANDBOX_DEFAULT_MEMORY_KB  (128u * 1024u)
#define SANDBOX_DEFAULT_PIDS	   64u
#define SANDBOX_DEFAULT_FSIZE_KB   (64u * 1024u)
#define SANDBOX_DEFAULT_OUTPUT_MAX (64u * 1024u * 1024u)
#define SANDBOX_DEFAULT_TMPFS_KB   (64u * 1024u)
#define SANDBOX_DEFAULT_INODES	   4096u

enum sandbox_status {
	SANDBOX_OK,	      /* exited with code 0 */
	SANDBOX_EXITED,	      /* exited with a non-zero code */
	SANDBOX_SIGNALED,     /* killed by a signal it raised or received */
	SANDBOX_TIME_LIMIT,   /* CPU time (all threads and children) passed */
	SANDBOX_WALL_LIMIT,   /* wall-clock safety net passed */
	SANDBOX_MEMORY_LIMIT, /* the cgroup's OOM killer ended it */
	SANDBOX_OUTPUT_LIMIT, /* stdout/stderr/channel cap or file size */
	SANDBOX_ERROR,	      /* the sandbox itself failed: see message */
};

/* "ok", "exited", ... as written in reports. Never NULL. */
const char *sandbox_status_name(enum sandbox_status status);

/* A host directory made visible inside the box. */
struct sandbox_bind {
	const char *host;   /* absolute host path, trusted (from the caller) */
	const char *inside; /* absolute path inside the box */
	bool	    rw;	    /* read-write; default read-only */
};

struct sandbox_limits {
	uint32_t cpu_ms;     /* CPU time of every process and thread */
	uint32_t wall_ms;    /* 0: derived, 2 * cpu_ms + 1000 */
	uint64_t memory_kb;  /* cgroup memory limit, swap off */
	uint32_t pids;	     /* processes + threads at once */
	uint64_t fsize_kb;   /* largest file the program may write */
	uint64_t stdout_max; /* bytes of stdout before OUTPUT_LIMIT */
	uint64_t stderr_max; /* bytes of stderr before OUTPUT_LIMIT */
	uint64_t tmpfs_kb;   /* size of each of /box, /tmp, /dev/shm */
	uint32_t inodes;     /* inodes of each of those */
};

/* Usage figures so far, as passed to a channel callback. */
struct sandbox_usage {
	uint32_t cpu_ms;
	uint32_t wall_ms;
	uint64_t memory_kb; /* peak so far */
};

/*
 * Called with each chunk read from the result channel (fd 3 inside). It
 * may move the CPU limit (an absolute figure of the whole run) through
 * *cpu_limit_ms, to give each of several tests in one process its own
 * budget. Return 0 to go on, 1 to end the box now (res->stopped is set).
 */
typedef int (*sandbox_channel_fn)(void *arg, const char *buf, size_t len,
    const struct sandbox_usage *now, uint32_t *cpu_limit_ms);

struct sandbox_config {
	const char *const *argv; /* program and arguments; argv[0] is
				    looked up in PATH inside if it has no / */
	const char *const *env;	 /* NULL: PATH, HOME=/box, LANG=C.UTF-8 */
	const char	  *cwd;	 /* inside; NULL: /box */
	const struct sandbox_bind *binds;
	size_t			   nbinds;
	struct sandbox_limits	   limits; /* zero fields take defaults */

	int stdin_fd;  /* read by the program; -1: /dev/null */
	/*
	 * Or stdin from memory, handed out a piece at a time: when stdin_buf
	 * is set (stdin_fd is then ignored) the program reads at most the
	 * first *stdin_avail bytes (all, when stdin_avail is NULL), then EOF
	 * after stdin_len. The channel callback may raise *stdin_avail, so a
	 * harness running many tests gets test k+1 only after answering k.
	 */
	const char   *stdin_buf;
	size_t	      stdin_len;
	const size_t *stdin_avail;
	int stdout_fd; /* the program's stdout is copied here; -1: dropped */
	int stderr_fd; /* the program's stderr is copied here; -1: dropped */

	/* Optional result channel on fd 3 inside (see sandbox_channel_fn). */
	sandbox_channel_fn channel;
	void		  *channel_arg;
	uint64_t	   channel_max; /* bytes; 0: stdout_max */
	/* With a channel: the wall time allowed between two of its chunks
	 * (and before the first), WALL_LIMIT past it; 0: none. Lets a caller
	 * running many tests in one process stop a test that sleeps. */
	uint32_t	   channel_wall_ms;
};

struct sandbox_result {
	enum sandbox_status status;
	int		    exit_code;	 /* when EXITED or OK */
	int		    signal;	 /* when SIGNALED (or killed) */
	uint32_t	    cpu_ms;	 /* from the cgroup */
	uint32_t	    wall_ms;	 /* from CLOCK_MONOTONIC */
	uint64_t	    memory_kb;	 /* peak, from the cgroup */
	uint64_t	    stdout_len;	 /* bytes the program wrote */
	uint64_t	    stderr_len;
	bool		    stopped;	 /* the channel callback ended it */
	char		    message[256]; /* human text; always set on ERROR */
};

/* Fill *lim with the defaults above. */
void sandbox_limits_default(struct sandbox_limits *lim);

/*
 * Check that boxes can run here (root, namespaces, a usable cgroup v1 or v2
 * hierarchy). Returns 0, or -1 with a reason in msg.
 */
int sandbox_check(char *msg, size_t msglen);

/* "v1" or "v2" once sandbox_check() succeeded, else "none". */
const char *sandbox_cgroup_version(void);

/*
 * Run cfg in a fresh box and fill *res. Returns 0 when the sandbox worked
 * (whatever the program did), -1 when it did not; then res->status is
 * SANDBOX_ERROR and res->message says why. Every process, mount, cgroup
 * and file of the box is gone when it returns.
 */
int sandbox_run(const struct sandbox_config *cfg, struct sandbox_result *res);

/*
 * Wait until every box this process has finished with is torn down, and
 * tear down the boxes made ahead for later runs (none is made again until
 * the next sandbox_run). For a clean exit and for tests that look for
 * leftovers; runs at exit too. sandbox_run() returns once the program and
 * everything it started are dead and measured; removing the box's
 * namespaces, mounts and cgroup may come later, in the background.
 */
void sandbox_quiesce(void);

/*
 * Remove the directory tree at dirfd/name without following any symlink
 * (for directories a box has written into). Returns 0 or -1 with errno.
 */
int sandbox_rmtree_at(int dirfd, const char *name);

#endif
