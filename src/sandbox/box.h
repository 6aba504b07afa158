/*
 * sandbox/box.h -- the inside of a box: what runs between clone() and the
 * program's execve().
 *
 * The parent (sandbox.c) prepares a struct box_plan with what every box
 * has (uid, cgroup, network namespace, seccomp filter), then clones a
 * process into new pid, mount, IPC and UTS namespaces that runs
 * box_init(). That process is PID 1 of the box: it builds the box's root
 * file system and waits for a job on its control socket. That can come at
 * once or much later (a box made ahead, see sandbox.c); either way a box
 * runs one job only. With the job, PID 1 mounts the job's private
 * directories and binds, starts the program as PID 2 under the box's uid,
 * waits for it, reports its wait status to the parent and exits, which
 * makes the kernel kill whatever else is left in the pid namespace.
 *
 * Everything here runs in a child of a possibly multi-threaded process, so
 * it only makes system calls: no malloc, no stdio, no locks.
 */
#ifndef GAVEL_SANDBOX_BOX_H
#define GAVEL_SANDBOX_BOX_H

#include <linux/filter.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sandbox/sandbox.h"

#define BOX_STATE_DIR "/run/gavel"
#define BOX_ROOT      BOX_STATE_DIR "/root" /* mount point of box roots */
#define BOX_ETC	      BOX_STATE_DIR "/etc"  /* prepared /etc for boxes */
#define BOX_MAX_BINDS 32

/*
 * A job, sent by the parent over the control socket once the box is
 * ready: this header, carrying the descriptors (SCM_RIGHTS, in this
 * order: stdout, stderr, stdin if has_stdin, the channel if has_chan, one
 * detached mount per bind), then blob_len bytes of NUL-terminated
 * strings: cwd, PATH, the /box and /tmp mount options, argc arguments,
 * envc environment entries, nbinds mount points (relative to the root).
 */
#define BOX_JOB_MAGIC	 0x6761766cu
#define BOX_JOB_MAX_BLOB (16u << 20)
#define BOX_JOB_NFDS	 (4 + BOX_MAX_BINDS)

struct box_job {
	uint32_t magic;
	uint32_t blob_len;
	uint32_t argc;
	uint32_t envc;
	uint32_t nbinds;
	uint8_t	 bind_rw[BOX_MAX_BINDS];
	uint8_t	 bind_dir[BOX_MAX_BINDS];
	uint8_t	 has_stdin;
	uint8_t	 has_chan;
	uint8_t	 own_tmpfs; /* /box, /tmp, /dev/shm not of the default size */
	uint8_t	 lazy_exit; /* torn down in the background: exit when idle */
	uint32_t cpu_backstop_s; /* RLIMIT_CPU, behind the cgroup */
	uint64_t fsize_bytes;
	uint64_t stack_bytes;
};

struct box_plan {
	/* Fixed by the parent when the box is made. */
	uid_t uid; /* the box's own uid and gid */
	gid_t gid;
	char  link_names[4][32]; /* /bin -> usr/bin style links */
	char  link_targets[4][32];
	int   nlinks;
	struct sock_fprog filter;
	int		  last_cap;
	char		  base_box_opts[128]; /* /box, /tmp, /dev/shm of the */
	char		  base_tmp_opts[128]; /* default size, made ahead */
	int ctl;	  /* control socket: jobs in, struct box_msg out */
	int netns_fd;	  /* the box's network namespace, joined first */
	int cg_procs[3];  /* the program joins through these... */
	int ncg_procs;
	int cg_dir;	  /* ...unless it is born in the cgroup (v2), or -1 */

	/* Filled in by PID 1 from the job. */
	const char	  *cwd;
	const char	  *path_env; /* PATH value for lookups */
	const char	  *tmpfs_opts; /* /box */
	const char	  *tmp_opts;   /* /tmp and /dev/shm */
	const char *const *argv;
	char *const	  *envp;
	uint64_t	   fsize_bytes;
	uint64_t	   stack_bytes;
	uint32_t	   cpu_backstop_s;
	int		   stdin_fd; /* -1: /dev/null */
	int		   stdout_w;
	int		   stderr_w;
	int		   chan_w; /* -1 without a channel */
};

/* What PID 1 of the box tells the parent, once, through status_w. */
enum box_msg_kind {
	BOX_MSG_DONE,  /* wstatus is the program's */
	BOX_MSG_ERROR, /* step and err say what failed */
};

struct box_msg {
	int  kind;
	int  wstatus;
	int  err;	 /* errno */
	char step[96];	 /* what failed, for the report */
};

/*
 * The body of the box's PID 1: build the root, wait for one job on
 * plan->ctl, run it, report, exit. Never returns.
 */
_Noreturn void box_init(struct box_plan *plan);

#endif
