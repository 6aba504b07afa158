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
	/* The kernel takes the ioctl command as 32 bits; a filter that
	 * compares all 64 misses TIOCSTI with high bits set (CVE-2019-10063
	 * in flatpak). fd 0 is no tty: the filter answers EPERM, the kernel
	 * ENOTTY -- so ENOTTY here means the call got past the filter. */
	for (int fd = 0; fd < 3; fd++) {
		long r = syscall(SYS_ioctl, fd,
		    (unsigned long)TIOCSTI | (1UL << 32), cmd);
		if (r >= 0)
			BREACH("TIOCSTI|1<<32 on fd %d succeeded", fd);
		else if (errno != EPERM)
			BREACH("TIOCSTI|1<<32 on fd %d got past the seccomp "
			    "filter (kernel answered %s; a tty would take "
			    "the injected input)", fd, strerror(errno));
		else
			NOTE("TIOCSTI|1<<32 on fd %d: EPERM", fd);
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
