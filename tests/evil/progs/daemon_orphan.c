/* daemon_orphan: double fork + setsid; one grandchild sleeps a minute,
 * the other spins; stdio closed so no pipe keeps the run alive. main
 * exits 0 at once. Expected: ok, quickly (wall_ms small), and both
 * grandchildren are dead after the run (run.sh checks the host). */
#include "evil.h"

static void
daemonise(int spin)
{
	pid_t p = fork();

	if (p != 0) {
		if (p > 0)
			waitpid(p, NULL, 0);
		return;
	}
	setsid();
	if (fork() != 0)
		_exit(0);
	signal(SIGHUP, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	close(0);
	close(1);
	close(2);
	if (spin)
		evil_spin();
	sleep(60);
	_exit(0);
}

int
main(void)
{
	daemonise(0);
	daemonise(1);
	return 0;
}
