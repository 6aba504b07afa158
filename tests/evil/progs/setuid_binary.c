/* setuid_binary: run setuid-root binaries of /usr (su, passwd, mount,
 * newgrp) and a binary with file capabilities (gst-ptp-helper) with stdin
 * on a pipe nobody writes, and watch their uids and capabilities in /proc
 * while they run: no_new_privs and nosuid must keep them the box's.
 * Expected: ok. */
#include "evil.h"
#include <time.h>

static void
try(const char *path, char *const argv[])
{
	int pfd[2];
	char st[4096], fn[64];
	struct timespec ts = { 0, 1000000 }; /* 1 ms: cheap on slow machines */
	pid_t c;
	int seen = 0;

	if (access(path, X_OK) < 0) {
		NOTE("%s: %s", path, strerror(errno));
		return;
	}
	if (pipe(pfd) < 0)
		return;
	c = fork();
	if (c == 0) {
		dup2(pfd[0], 0);
		int nul = open("/dev/null", O_WRONLY);
		dup2(nul, 1);
		dup2(nul, 2);
		execv(path, argv);
		_exit(127);
	}
	close(pfd[0]);
	snprintf(fn, sizeof fn, "/proc/%d/status", (int)c);
	for (int i = 0; i < 300; i++) {
		if (evil_slurp(fn, st, sizeof st) < 0)
			break;
		const char *u = strstr(st, "\nUid:\t");
		if (u) {
			long ruid, euid;
			if (sscanf(u + 6, "%ld %ld", &ruid, &euid) == 2) {
				seen++;
				if (euid == 0 || ruid == 0)
					BREACH("%s ran with uid %ld euid %ld",
					    path, ruid, euid);
			}
		}
		const char *cp = strstr(st, "\nCapPrm:\t");
		if (cp && strtoull(cp + 9, NULL, 16) != 0)
			BREACH("%s ran with capabilities (CapPrm %s)", path,
			    strtok((char *)cp + 9, "\n"));
		if (waitpid(c, NULL, WNOHANG) == c) {
			c = -1;
			break;
		}
		nanosleep(&ts, NULL);
	}
	NOTE("%s: %d looks at its credentials", path, seen);
	if (c > 0) {
		kill(c, SIGKILL);
		waitpid(c, NULL, 0);
	}
	close(pfd[1]);
}

int
main(void)
{
	char *su[] = { "su", "root", NULL };
	char *pw[] = { "passwd", "root", NULL };
	char *mnt[] = { "mount", "-t", "tmpfs", "none", "/box", NULL };
	char *ng[] = { "newgrp", "root", NULL };

	try("/usr/bin/su", su);
	try("/usr/bin/passwd", pw);
	try("/usr/bin/mount", mnt);
	try("/usr/bin/newgrp", ng);
	/* File capabilities (cap_net_admin,cap_net_bind_service=ep on this
	 * host) must not be granted either. */
	char *gst[] = { "gst-ptp-helper", NULL };
	try("/usr/lib/x86_64-linux-gnu/gstreamer1.0/gstreamer-1.0/gst-ptp-helper", gst);
	return evil_done();
}
