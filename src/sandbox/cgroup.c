/*
 * sandbox/cgroup.c -- fresh cgroups for boxes on v1 or v2; see cgroup.h.
 */
#include "sandbox/cgroup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>
#include <unistd.h>

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

static enum cg_version cg_ver = CG_NONE;
static char	       cg_parent[CG_MAX_DIRS][96]; /* .../gavel per hierarchy */
static int	       cg_nparents;

/*** Parsing ***/

int
cg_parse_u64(const char *text, uint64_t *out)
{
	char		  *end;
	unsigned long long v;

	while (*text == ' ' || *text == '\t')
		text++;
	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno != 0)
		return -1;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
cg_parse_keyed(const char *text, const char *key, uint64_t *out)
{
	size_t	    klen = strlen(key);
	const char *p = text;

	while (*p != '\0') {
		const char *eol = strchr(p, '\n');
		size_t	    len = eol ? (size_t)(eol - p) : strlen(p);

		if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == ' ') {
			char buf[32];
			size_t n = len - klen - 1;

			if (n == 0 || n >= sizeof(buf))
				return -1;
			memcpy(buf, p + klen + 1, n);
			buf[n] = '\0';
			return cg_parse_u64(buf, out);
		}
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	return -1;
}

/*** File helpers ***/

static int
write_file(const char *dir, const char *file, const char *value)
{
	char	path[256];
	int	fd;
	ssize_t n;
	size_t	len = strlen(value);

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = write(fd, value, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

/* pread a small file from the start into buf; returns 0 or -1. */
static int
pread_text(int fd, char *buf, size_t size)
{
	ssize_t n;

	if (fd < 0)
		return -1;
	n = pread(fd, buf, size - 1, 0);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

static int
open_in(const char *dir, const char *file, int flags)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return open(path, flags | O_CLOEXEC);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*** Detection ***/

static int
make_parent(const char *dir, char *msg, size_t msglen)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		snprintf(msg, msglen, "cannot create cgroup %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	return 0;
}

enum cg_version
cg_detect(const char *root, char *msg, size_t msglen)
{
	struct statfs sfs;
	char	      path[128];
	static const char *const v1_ctrls[] = { "memory", "pids", "cpuacct" };
	int	      i;

	cg_ver = CG_NONE;
	cg_nparents = 0;
	if (statfs(root, &sfs) < 0) {
		snprintf(msg, msglen, "no cgroup file system at %s: %s", root,
		    strerror(errno));
		return CG_NONE;
	}
	if (sfs.f_type == CGROUP2_SUPER_MAGIC) {
		char ctrls[256] = "";
		int  fd;

		if (snprintf(cg_parent[0], sizeof(cg_parent[0]), "%s/gavel",
			root) >= (int)sizeof(cg_parent[0])) {
			snprintf(msg, msglen, "cgroup path too long: %s", root);
			return CG_NONE;
		}
		/* Delegate the controllers we need to gavel's subtree. */
		write_file(root, "cgroup.subtree_control", "+memory +pids +cpu");
		if (make_parent(cg_parent[0], msg, msglen) < 0)
			return CG_NONE;
		write_file(cg_parent[0], "cgroup.subtree_control",
		    "+memory +pids +cpu");
		fd = open_in(cg_parent[0], "cgroup.subtree_control", O_RDONLY);
		if (fd >= 0) {
			pread_text(fd, ctrls, sizeof(ctrls));
			close(fd);
		}
		if (strstr(ctrls, "memory") == NULL ||
		    strstr(ctrls, "pids") == NULL ||
		    strstr(ctrls, "cpu") == NULL) {
			snprintf(msg, msglen,
			    "cgroup v2 at %s: cannot enable the memory, pids "
			    "and cpu controllers for %s (have: '%s'); is gavel "
			    "running as root, outside a container?",
			    root, cg_parent[0], ctrls);
			return CG_NONE;
		}
		cg_nparents = 1;
		cg_ver = CG_V2;
		return cg_ver;
	}

	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", root, v1_ctrls[i]);
		if (!is_dir(path) && i == 2)
			snprintf(path, sizeof(path), "%s/cpu,cpuacct", root);
		if (!is_dir(path)) {
			snprintf(msg, msglen,
			    "no usable cgroup hierarchy: %s is not cgroup2 "
			    "and the v1 '%s' controller is not mounted",
			    root, v1_ctrls[i]);
			return CG_NONE;
		}
		if (snprintf(cg_parent[i], sizeof(cg_parent[i]), "%s/gavel",
			path) >= (int)sizeof(cg_parent[i])) {
			snprintf(msg, msglen, "cgroup path too long: %s", path);
			return CG_NONE;
		}
		if (make_parent(cg_parent[i], msg, msglen) < 0)
			return CG_NONE;
	}
	cg_nparents = 3;
	cg_ver = CG_V1;
	return cg_ver;
}

/*** Per-box cgroups ***/

static void
kill_procs(int dirfd_procs)
{
	char  buf[4096];
	char *p, *end;

	if (pread_text(dirfd_procs, buf, sizeof(buf)) < 0)
		return;
	for (p = buf; *p != '\0'; p = end) {
		long pid = strtol(p, &end, 10);

		if (end == p)
			break;
		if (pid > 0)
			kill((pid_t)pid, SIGKILL);
		while (*end == '\n')
			end++;
	}
}

/* rmdir, killing leftovers and retrying briefly while the kernel lets go. */
static void
remove_dir(const char *dir)
{
	int i;

	for (i = 0; i < 200; i++) {
		struct timespec ts = { 0, 500 * 1000 };
		int		fd;

		if (rmdir(dir) == 0 || errno == ENOENT)
			return;
		if (errno != EBUSY)
			break;
		fd = open_in(dir, "cgroup.procs", O_RDONLY);
		if (fd >= 0) {
			kill_procs(fd);
			close(fd);
		}
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "gavel: cannot remove cgroup %s: %s\n", dir,
	    strerror(errno));
}

int
cg_list_boxes(int *slots, int max)
{
	DIR	      *d;
	struct dirent *de;
	int	       n = 0;

	if (cg_nparents == 0 || (d = opendir(cg_parent[0])) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL && n < max) {
		char *end;
		long  v;

		if (strncmp(de->d_name, "box-", 4) != 0)
			continue;
		v = strtol(de->d_name + 4, &end, 10);
		if (*end == '\0' && end != de->d_name + 4 && v >= 0 &&
		    v < 100000)
			slots[n++] = (int)v;
	}
	closedir(d);
	return n;
}

void
cg_remove(const char *name)
{
	char dir[192];
	int  i;

	for (i = cg_nparents - 1; i >= 0; i--) {
		snprintf(dir, sizeof(dir), "%s/%s", cg_parent[i], name);
		if (is_dir(dir))
			remove_dir(dir);
	}
}

int
cg_create(struct cgroup *cg, const char *name, char *msg, size_t msglen)
{
	int i;

	memset(cg, 0, sizeof(*cg));
	cg->ver = cg_ver;
	cg->cpu_fd = cg->peak_fd = cg->oom_fd = cg->dir_fd = -1;
	cg->pids_fd = -1;
	for (i = 0; i < CG_MAX_DIRS; i++)
		cg->procs_fd[i] = -1;
	if (cg_ver == CG_NONE) {
		snprintf(msg, msglen, "no cgroup hierarchy detected");
		return -1;
	}
	for (i = 0; i < cg_nparents; i++) {
		if (snprintf(cg->dirs[i], sizeof(cg->dirs[i]), "%s/%s",
			cg_parent[i], name) >= (int)sizeof(cg->dirs[i])) {
			snprintf(msg, msglen, "cgroup path too long");
			goto fail;
		}
		/* A leftover from a crashed run: empty it and start afresh. */
		if (is_dir(cg->dirs[i]))
			remove_dir(cg->dirs[i]);
		if (mkdir(cg->dirs[i], 0700) < 0) {
			snprintf(msg, msglen, "cannot create cgroup %s: %s",
			    cg->dirs[i], strerror(errno));
			goto fail;
		}
		cg->ndirs = i + 1;
		/*
		 * On v1 the box's program joins through "tasks", writing "0"
		 * (itself) while it has a single thread: the kernel then
		 * skips the global thread-group lock whose first taking
		 * waits out an RCU grace period (milliseconds). v2 has no
		 * such door outside threaded subtrees.
		 */
		cg->procs_fd[i] = open_in(cg->dirs[i],
		    cg_ver == CG_V1 ? "tasks" : "cgroup.procs", O_WRONLY);
		if (cg->procs_fd[i] < 0) {
			snprintf(msg, msglen, "cannot open %s/cgroup.procs: %s",
			    cg->dirs[i], strerror(errno));
			goto fail;
		}
	}

	if (cg_ver == CG_V2) {
		const char *d = cg->dirs[0];

		if (write_file(d, "memory.swap.max", "0") < 0 ||
		    write_file(d, "memory.oom.group", "1") < 0) {
			snprintf(msg, msglen, "cannot set up cgroup %s: %s",
			    d, strerror(errno));
			goto fail;
		}
		cg->dir_fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		cg->cpu_fd = open_in(d, "cpu.stat", O_RDONLY);
		cg->peak_fd = open_in(d, "memory.peak", O_RDONLY);
		cg->oom_fd = open_in(d, "memory.events", O_RDONLY);
		cg->pids_fd = open_in(d, "pids.current", O_RDONLY);
	} else {
		const char *mem = cg->dirs[0];

		write_file(mem, "memory.swappiness", "0");
		cg->cpu_fd = open_in(cg->dirs[2], "cpuacct.usage", O_RDONLY);
		cg->peak_fd =
		    open_in(mem, "memory.max_usage_in_bytes", O_RDONLY);
		cg->oom_fd = open_in(mem, "memory.oom_control", O_RDONLY);
		cg->pids_fd = open_in(cg->dirs[1], "pids.current", O_RDONLY);
	}
	if (cg->cpu_fd < 0 || cg->peak_fd < 0 || cg->oom_fd < 0 ||
	    cg->pids_fd < 0) {
		snprintf(msg, msglen,
		    "cgroup %s lacks CPU, memory or pids accounting",
		    cg->dirs[0]);
		goto fail;
	}
	return 0;

fail:
	cg_destroy(cg);
	return -1;
}

int
cg_set_limits(struct cgroup *cg, uint64_t memory_bytes, uint32_t pids,
    char *msg, size_t msglen)
{
	char num[32];

	snprintf(num, sizeof(num), "%" PRIu64, memory_bytes);
	if (cg->ver == CG_V2) {
		if (write_file(cg->dirs[0], "memory.max", num) < 0)
			goto fail;
		snprintf(num, sizeof(num), "%u", pids);
		if (write_file(cg->dirs[0], "pids.max", num) < 0)
			goto fail;
		return 0;
	}
	/* Memory first: memory+swap may never be below memory alone. */
	if (write_file(cg->dirs[0], "memory.limit_in_bytes", num) < 0)
		goto fail;
	/* Swap off: memory+swap may not exceed memory. The file is missing
	 * when swap accounting is off; then so is swap use beyond
	 * swappiness 0. */
	write_file(cg->dirs[0], "memory.memsw.limit_in_bytes", num);
	snprintf(num, sizeof(num), "%u", pids);
	if (write_file(cg->dirs[1], "pids.max", num) < 0)
		goto fail;
	return 0;
fail:
	snprintf(msg, msglen, "cannot set limits in cgroup %s: %s", cg->dirs[0],
	    strerror(errno));
	return -1;
}

/* The single number in the file behind fd, or fallback. */
static uint64_t
read_u64(int fd, uint64_t fallback)
{
	char	 buf[64];
	uint64_t v = 0;

	if (pread_text(fd, buf, sizeof(buf)) < 0 || cg_parse_u64(buf, &v) < 0)
		return fallback;
	return v;
}

uint64_t
cg_pids(const struct cgroup *cg)
{
	return read_u64(cg->pids_fd, UINT64_MAX); /* unknown: someone is left */
}

uint64_t
cg_cpu_usec(const struct cgroup *cg)
{
	char	 buf[1024];
	uint64_t v = 0;

	if (pread_text(cg->cpu_fd, buf, sizeof(buf)) < 0)
		return 0;
	if (cg->ver == CG_V2) {
		if (cg_parse_keyed(buf, "usage_usec", &v) < 0)
			return 0;
		return v;
	}
	if (cg_parse_u64(buf, &v) < 0)
		return 0;
	return v / 1000;
}

uint64_t
cg_peak_bytes(const struct cgroup *cg)
{
	return read_u64(cg->peak_fd, 0);
}

bool
cg_oom_killed(const struct cgroup *cg)
{
	char	 buf[512];
	uint64_t v = 0;

	if (pread_text(cg->oom_fd, buf, sizeof(buf)) < 0)
		return false;
	return cg_parse_keyed(buf, "oom_kill", &v) == 0 && v > 0;
}

void
cg_destroy(struct cgroup *cg)
{
	int i;

	for (i = 0; i < CG_MAX_DIRS; i++) {
		if (cg->procs_fd[i] >= 0)
			close(cg->procs_fd[i]);
		cg->procs_fd[i] = -1;
	}
	if (cg->cpu_fd >= 0)
		close(cg->cpu_fd);
	if (cg->peak_fd >= 0)
		close(cg->peak_fd);
	if (cg->oom_fd >= 0)
		close(cg->oom_fd);
	if (cg->dir_fd >= 0)
		close(cg->dir_fd);
	if (cg->pids_fd >= 0)
		close(cg->pids_fd);
	cg->cpu_fd = cg->peak_fd = cg->oom_fd = cg->dir_fd = -1;
	cg->pids_fd = -1;
	for (i = cg->ndirs - 1; i >= 0; i--)
		remove_dir(cg->dirs[i]);
	cg->ndirs = 0;
}
