/* memfd_exec: copy itself into a memfd and fexecve() it, then check in the
 * new image that it is still confined (box uid, no_new_privs, seccomp).
 * Exec from memory must not shed the sandbox. Expected: ok. */
#include "evil.h"
#include <sys/mman.h>

extern char **environ;

static int
confined(void)
{
	char st[8192];
	if (evil_slurp("/proc/self/status", st, sizeof st) < 0)
		return 0;
	return getuid() >= 60000 && geteuid() >= 60000 &&
	    strstr(st, "NoNewPrivs:\t1") && strstr(st, "Seccomp:\t2") &&
	    strstr(st, "CapEff:\t0000000000000000");
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		if (!confined())
			BREACH("the memfd image is not confined");
		else
			NOTE("memfd image still confined");
		return evil_done();
	}
	int in = open("/proc/self/exe", O_RDONLY);
	int mfd = (int)syscall(SYS_memfd_create, "evil", 0);
	char buf[65536];
	ssize_t n;

	if (in < 0 || mfd < 0) {
		NOTE("memfd_create or /proc/self/exe refused: %s", strerror(errno));
		return evil_done();
	}
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(mfd, buf, n) != n)
			return 1;
	char *cargv[] = { "memfd-child", "child", NULL };
	fexecve(mfd, cargv, environ);
	NOTE("fexecve refused: %s", strerror(errno));
	return evil_done();
}
