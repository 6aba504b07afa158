/* kill_host_pid: argv holds host pids (the runner's shell, the host's
 * init is 1 anyway); signal 0 to each must fail with ESRCH: the pid
 * namespace hides them. Also signal 0 every pid from 2 to 32767: only
 * its own box may answer.
 * Expected: ok. */
#include "evil.h"

int
main(int argc, char **argv)
{
	int reached = 0;

	for (int i = 1; i < argc; i++) {
		pid_t p = (pid_t)atoi(argv[i]);
		if (p > 1000 && kill(p, 0) == 0)
			BREACH("host pid %d is reachable", (int)p);
	}
	signal(SIGTERM, SIG_IGN);
	for (pid_t p = 2; p < 32768; p++)
		if (p != getpid() && kill(p, 0) == 0) {
			reached++;
			if (p > 1000)
				BREACH("pid %d reachable from the box", (int)p);
		}
	NOTE("%d other pids visible", reached);
	return evil_done();
}
