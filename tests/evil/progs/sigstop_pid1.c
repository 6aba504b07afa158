/* sigstop_pid1: SIGSTOP pid 1, the parent and everything else it may
 * signal, then exit 0. A stopped helper must not hang the sandbox.
 * Expected: ok, quickly (well below the wall limit). */
#include "evil.h"

int
main(void)
{
	signal(SIGTSTP, SIG_IGN);
	if (kill(1, SIGSTOP) < 0)
		NOTE("kill(1, SIGSTOP): %s", strerror(errno));
	if (getppid() > 1 && kill(getppid(), SIGSTOP) < 0)
		NOTE("kill(ppid, SIGSTOP): %s", strerror(errno));
	if (kill(-1, SIGSTOP) < 0)
		NOTE("kill(-1, SIGSTOP): %s", strerror(errno));
	return 0;
}
