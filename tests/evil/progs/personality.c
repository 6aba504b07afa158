/* personality: switch to PER_LINUX32 with READ_IMPLIES_EXEC and
 * ADDR_NO_RANDOMIZE, re-exec itself and check it is still confined.
 * Expected: ok. */
#include "evil.h"
#include <sys/personality.h>

extern char **environ;

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		char st[8192];
		NOTE("personality now %#x", personality(0xffffffff));
		if (evil_slurp("/proc/self/status", st, sizeof st) < 0 ||
		    !strstr(st, "NoNewPrivs:\t1") || !strstr(st, "Seccomp:\t2") ||
		    getuid() < 60000)
			BREACH("not confined after a personality change");
		return evil_done();
	}
	int r = personality(PER_LINUX32 | READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE);
	if (r < 0)
		NOTE("personality refused: %s", strerror(errno));
	char *cargv[] = { argv[0], "child", NULL };
	execve("/proc/self/exe", cargv, environ);
	NOTE("re-exec failed: %s", strerror(errno));
	return evil_done();
}
