/* daemon_holds_stdout: a double-forked, setsid grandchild keeps stdout
 * and stderr open and sleeps a minute; main exits 0 at once. A sandbox
 * that reads the pipes until EOF would hang until the wall limit.
 * Expected: ok, quickly; the grandchild is dead afterwards. */
#include "evil.h"

int
main(void)
{
	pid_t p = fork();

	if (p == 0) {
		setsid();
		if (fork() != 0)
			_exit(0);
		signal(SIGHUP, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		signal(SIGPIPE, SIG_IGN);
		for (int i = 0; i < 600; i++) {
			(void)write(1, "still here\n", 11);
			usleep(100000);
		}
		_exit(0);
	}
	waitpid(p, NULL, 0);
	printf("main done\n");
	return 0;
}
