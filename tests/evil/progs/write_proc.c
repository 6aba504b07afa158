/* write_proc: writes through /proc that need privilege: sysrq-trigger,
 * core_pattern (a root helper on every crash), hostname, drop_caches,
 * oom_score_adj -1000 (immunity from the OOM killer), uid_map/setgroups.
 * All must fail. Raising oom_score_adj is allowed. Expected: ok. */
#include "evil.h"

static void
no_write(const char *path, const char *val)
{
	char what[160];
	int fd = open(path, O_WRONLY);

	if (fd < 0) {
		NOTE("open %s: %s", path, strerror(errno));
		return;
	}
	snprintf(what, sizeof what, "write %s to %s", val, path);
	MUST_FAIL(what, write(fd, val, strlen(val)));
	close(fd);
}

int
main(void)
{
	char buf[256];

	no_write("/proc/sysrq-trigger", "h");
	evil_slurp("/proc/sys/kernel/core_pattern", buf, sizeof buf);
	no_write("/proc/sys/kernel/core_pattern", "|/box/evil %p");
	no_write("/proc/sys/kernel/hostname", "gavel-evil-host");
	no_write("/proc/sys/vm/drop_caches", "3");
	no_write("/proc/sys/kernel/pid_max", "4194304");
	no_write("/proc/self/oom_score_adj", "-1000");
	no_write("/proc/1/oom_score_adj", "-1000");
	no_write("/proc/self/uid_map", "0 0 1");
	no_write("/proc/self/setgroups", "allow");
	no_write("/proc/self/attr/current", "unconfined");
	return evil_done();
}
