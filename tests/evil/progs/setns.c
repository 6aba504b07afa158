/* setns: open every namespace file of /proc/1 and /proc/self and setns()
 * into it. All must be refused (no capabilities, and seccomp).
 * Expected: ok. */
#include "evil.h"
#include <sched.h>

int
main(void)
{
	static const char *ns[] = { "mnt", "net", "pid", "user", "uts", "ipc",
		"cgroup", "time", "pid_for_children" };
	static const char *who[] = { "1", "self" };
	char path[64], what[96];

	for (size_t w = 0; w < 2; w++)
		for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
			snprintf(path, sizeof path, "/proc/%s/ns/%s", who[w], ns[i]);
			int fd = open(path, O_RDONLY);
			if (fd < 0) {
				NOTE("open %s: %s", path, strerror(errno));
				continue;
			}
			snprintf(what, sizeof what, "setns(%s)", path);
			MUST_FAIL(what, setns(fd, 0));
			close(fd);
		}
	return evil_done();
}
