/* symlink_plant: plant symlinks, FIFOs and sockets in /box, /tmp and
 * /dev/shm under names a careless host might open after the run (stdout,
 * stderr, report.json, output, the canary), pointing at host files and at
 * the host canary paths; plus a symlink loop. The host must never follow
 * them: run.sh checks that no canary appears and the run ends at once.
 * Expected: ok. */
#include "evil.h"
#include <sys/socket.h>
#include <sys/un.h>

int
main(void)
{
	static const char *dirs[] = { "/box", "/tmp", "/dev/shm" };
	static const struct { const char *name, *to; } links[] = {
		{ "stdout", "/tmp/gavel-evil-canary" },
		{ "stderr", "/work/main/gavel-evil-canary" },
		{ "report.json", "/etc/gavel-evil-canary" },
		{ "output", "/etc/shadow" },
		{ "out.txt", "/root/.ssh/authorized_keys" },
		{ "input", "/dev/zero" },
		{ "gavel-evil-canary", "/tmp/gavel-evil-canary" },
		{ "run", "/run/gavel" },
		{ "root", "/" },
		{ "up", "../../../../../../../.." },
		{ "loop1", "loop2" },
		{ "loop2", "loop1" },
		{ "cgroup", "/sys/fs/cgroup/memory/gavel" },
	};
	char path[256];

	for (size_t d = 0; d < 3; d++) {
		for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
			snprintf(path, sizeof path, "%s/%s", dirs[d], links[i].name);
			if (symlink(links[i].to, path) < 0)
				fprintf(stderr, "symlink %s: %s\n", path, strerror(errno));
		}
		snprintf(path, sizeof path, "%s/fifo", dirs[d]);
		mkfifo(path, 0666);
		snprintf(path, sizeof path, "%s/result", dirs[d]);
		mkfifo(path, 0666);
		struct sockaddr_un a = { .sun_family = AF_UNIX };
		snprintf(a.sun_path, sizeof a.sun_path, "%s/sock", dirs[d]);
		int s = socket(AF_UNIX, SOCK_STREAM, 0);
		if (s >= 0 && bind(s, (void *)&a, sizeof a) == 0)
			listen(s, 1);
	}
	/* A directory it then makes unreadable and unsearchable. */
	mkdir("/box/locked", 0755);
	symlink("/etc/passwd", "/box/locked/passwd");
	chmod("/box/locked", 0);
	return 0;
}
