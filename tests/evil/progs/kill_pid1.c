/* kill_pid1: SIGKILL pid 1 of the box, the parent, and every process it
 * may signal (kill -1), then exit 0. Whatever pid 1 is (the program
 * itself or a helper of the sandbox), the run must end normally and be
 * accounted. Expected: ok. */
#include "evil.h"

int
main(void)
{
	NOTE("pid %d ppid %d", (int)getpid(), (int)getppid());
	if (kill(1, SIGKILL) < 0)
		NOTE("kill(1, SIGKILL): %s", strerror(errno));
	if (getppid() > 1 && kill(getppid(), SIGKILL) < 0)
		NOTE("kill(ppid, SIGKILL): %s", strerror(errno));
	if (kill(-1, SIGKILL) < 0)
		NOTE("kill(-1, SIGKILL): %s", strerror(errno));
	/* pidfds work where pids are hidden (hidepid): still no signal. */
	int pfd = (int)syscall(SYS_pidfd_open, 1, 0);
	if (pfd >= 0) {
		if (syscall(SYS_pidfd_send_signal, pfd, SIGKILL, NULL, 0) == 0)
			NOTE("pidfd_send_signal(pid 1, SIGKILL) accepted");
		else
			NOTE("pidfd_send_signal(pid 1): %s", strerror(errno));
	} else
		NOTE("pidfd_open(1): %s", strerror(errno));
	/* Its own process group, with SIGTERM ignored here: */
	signal(SIGTERM, SIG_IGN);
	if (kill(0, SIGTERM) < 0)
		NOTE("kill(0, SIGTERM): %s", strerror(errno));
	return 0;
}
