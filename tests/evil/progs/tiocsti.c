/* tiocsti: push characters into the input queue of a terminal (CVE-2017-
 * 5226 style) through fds 0-2, /dev/tty and /dev/console; all must fail
 * (setsid, no controlling tty, seccomp). Expected: ok. */
#include "evil.h"
#include <sys/ioctl.h>

int
main(void)
{
	const char *cmd = "echo gavel-evil-tiocsti > /tmp/gavel-evil-canary\n";
	char what[64];

	for (int fd = 0; fd < 3; fd++) {
		snprintf(what, sizeof what, "TIOCSTI on fd %d", fd);
		MUST_FAIL(what, ioctl(fd, TIOCSTI, cmd));
	}
	static const char *ttys[] = { "/dev/tty", "/dev/console", "/dev/tty0",
		"/dev/ptmx" };
	for (size_t i = 0; i < sizeof ttys / sizeof ttys[0]; i++) {
		int fd = open(ttys[i], O_RDWR | O_NOCTTY);
		if (fd < 0) {
			NOTE("open %s: %s", ttys[i], strerror(errno));
			continue;
		}
		snprintf(what, sizeof what, "TIOCSTI on %s", ttys[i]);
		MUST_FAIL(what, ioctl(fd, TIOCSTI, cmd));
		close(fd);
	}
	return evil_done();
}
