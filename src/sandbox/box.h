/*
 * sandbox/box.h -- the inside of a box: what runs between clone() and the
 * program's execve().
 *
 * The parent (sandbox.c) prepares a struct box_plan with every path,
 * string and descriptor the box needs, then clones a process into new
 * pid, mount, network, IPC and UTS namespaces that runs box_init(). That
 * process is PID 1 of the box: it builds the box's root file system, starts
 * the program as PID 2 under the box's uid, waits for it, reports its wait
 * status to the parent and exits, which makes the kernel kill whatever else
 * is left in the pid namespace.
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

struct box_bind {
	char src[PATH_MAX];	/* host path */
	char dst[PATH_MAX];	/* path inside, relative to the box root */
	bool rw;
	bool is_dir;
};

struct box_plan {
	uid_t uid; /* the box's own uid and gid */
	gid_t gid;

	struct box_bind binds[BOX_MAX_BINDS];
	int		nbinds;
	char		link_names[4][32]; /* /bin -> usr/bin style links */
	char		link_targets[4][32];
	int		nlinks;

	char tmpfs_opts[128]; /* /box */
	char tmp_opts[128];   /* /tmp and /dev/shm */
	char cwd[PATH_MAX];
	const char *const *argv;
	char *const	  *envp;
	const char	  *path_env; /* PATH value for lookups */

	struct sock_fprog filter;
	uint64_t	  fsize_bytes;
	uint64_t	  stack_bytes;
	uint32_t	  cpu_backstop_s; /* RLIMIT_CPU, behind the cgroup */
	int		  last_cap;

	/* Descriptors, all in the parent's table before clone. */
	int stdin_fd;
	int stdout_w;
	int stderr_w;
	int chan_w; /* -1 without a channel */
	int status_w;
	int netns_fd; /* the slot's network namespace, joined first */
	int cg_procs[3];  /* the program joins through these... */
	int ncg_procs;
	int cg_dir;	  /* ...unless it is born in the cgroup (v2), or -1 */
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

/* The body of the box's PID 1. Never returns. */
_Noreturn void box_init(const struct box_plan *plan);

#endif
