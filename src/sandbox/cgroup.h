/*
 * sandbox/cgroup.h -- one fresh cgroup per box, on cgroup v1 or v2.
 *
 * The version is chosen once at start-up (cg_detect): pure cgroup v2 when
 * /sys/fs/cgroup is a cgroup2 mount, else the v1 memory, pids and cpuacct
 * hierarchies. Without either, boxes refuse to run: there is no silent
 * fallback to rlimits alone.
 *
 * A box's cgroup is created before the box starts and removed after its
 * last process is gone, so no counter carries over from one run to the
 * next (isolate 1.10's v1 oom_kill bug).
 */
#ifndef GAVEL_SANDBOX_CGROUP_H
#define GAVEL_SANDBOX_CGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cg_version {
	CG_NONE,
	CG_V1,
	CG_V2,
};

#define CG_MAX_DIRS 3

struct cgroup {
	enum cg_version ver;
	int		ndirs;			/* 1 on v2, 3 on v1 */
	char		dirs[CG_MAX_DIRS][128]; /* the box's cgroup dirs */
	int		procs_fd[CG_MAX_DIRS];	/* v1 tasks, v2 cgroup.procs */
	int		dir_fd;			/* v2: the directory, for
						   CLONE_INTO_CGROUP; else -1 */
	int		cpu_fd;			/* cpuacct.usage or cpu.stat */
	int		peak_fd;		/* max_usage_in_bytes or peak */
	int		oom_fd;			/* oom_control or memory.events */
	int		pids_fd;		/* pids.current */
};

/*
 * Find a usable hierarchy and create gavel's parent cgroup(s) in it.
 * root: the cgroup mount point (normally /sys/fs/cgroup). Returns the
 * version, or CG_NONE with a reason in msg.
 */
enum cg_version cg_detect(const char *root, char *msg, size_t msglen);

/*
 * Create a fresh cgroup `name` under gavel's parent, swap off, no limits
 * yet. Returns 0, or -1 with msg set.
 */
int cg_create(struct cgroup *cg, const char *name, char *msg, size_t msglen);

/*
 * Set the limits of a cgroup made by cg_create (bytes of memory; pids),
 * once, before anything runs in it. Returns 0, or -1 with msg set.
 */
int cg_set_limits(struct cgroup *cg, uint64_t memory_bytes, uint32_t pids,
    char *msg, size_t msglen);

/*
 * The slot numbers of the box-N cgroups that exist now (at most max):
 * running boxes', boxes made ahead, or leftovers of a killed process.
 */
int cg_list_boxes(int *slots, int max);

/* Kill whatever is in gavel's cgroup `name` and remove it, if it exists. */
void cg_remove(const char *name);

/* Processes and threads in the cgroup now (UINT64_MAX if unknown). */
uint64_t cg_pids(const struct cgroup *cg);

/* CPU time used by the cgroup so far, in microseconds. */
uint64_t cg_cpu_usec(const struct cgroup *cg);

/* Peak memory of the cgroup, in bytes. */
uint64_t cg_peak_bytes(const struct cgroup *cg);

/* Whether the cgroup's OOM killer ended a process. */
bool cg_oom_killed(const struct cgroup *cg);

/*
 * Kill whatever is left in the cgroup and remove it. Safe on a cgroup that
 * was never (or partly) created.
 */
void cg_destroy(struct cgroup *cg);

/*
 * Pure helpers, exposed for unit tests: find "key value" in the text of a
 * flat-keyed cgroup file (cpu.stat, memory.events, memory.oom_control) and
 * parse a single number (cpuacct.usage, memory.peak). Return 0 or -1.
 */
int cg_parse_keyed(const char *text, const char *key, uint64_t *out);
int cg_parse_u64(const char *text, uint64_t *out);

#endif
