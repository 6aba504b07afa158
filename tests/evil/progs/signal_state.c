/* signal_state: the program must start with every signal at its default
 * action and none blocked, whatever the caller of gavel had: run.sh
 * starts gavel with SIGPIPE, SIGINT, SIGHUP, SIGTERM, SIGXFSZ, SIGXCPU
 * ignored and SIGALRM, SIGXFSZ, SIGCHLD, SIGTERM blocked (as a server's
 * worker threads often do). An inherited SIG_IGN or blocked SIGXFSZ turns
 * the file size limit into EFBIG and the program goes on. Expected: ok. */
#include "evil.h"

int
main(void)
{
	sigset_t m;

	sigprocmask(SIG_BLOCK, NULL, &m);
	for (int s = 1; s < NSIG; s++) {
		struct sigaction sa;

		if (s == SIGKILL || s == SIGSTOP)
			continue;
		if (sigismember(&m, s) == 1)
			BREACH("signal %d (%s) is blocked at start", s, strsignal(s));
		if (sigaction(s, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			BREACH("signal %d (%s) is ignored at start", s, strsignal(s));
	}
	return evil_done();
}
