/* unshare: new namespaces by unshare(2), clone(2) and clone3(2) -- a user
 * namespace would give back every capability inside. All must be refused;
 * clone3 cannot be filtered by its flags, so it has to fail as a whole
 * (ENOSYS lets glibc fall back to clone).
 * Expected: ok. */
#include "evil.h"
#include <linux/sched.h>
#include <sched.h>

static void
try_clone(const char *what, unsigned long flags)
{
	long r = syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
	if (r == 0)
		_exit(0);
	MUST_FAIL(what, r);
	if (r > 0)
		waitpid((pid_t)r, NULL, 0);
}

static void
try_clone3(const char *what, unsigned long long flags)
{
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	ca.flags = flags;
	ca.exit_signal = SIGCHLD;
	long r = syscall(SYS_clone3, &ca, sizeof ca);
	if (r == 0)
		_exit(0);
	MUST_FAIL(what, r);
	if (r > 0)
		waitpid((pid_t)r, NULL, 0);
}

int
main(void)
{
	MUST_FAIL("unshare(CLONE_NEWUSER)", unshare(CLONE_NEWUSER));
	MUST_FAIL("unshare(CLONE_NEWNS)", unshare(CLONE_NEWNS));
	MUST_FAIL("unshare(CLONE_NEWNET)", unshare(CLONE_NEWNET));
	MUST_FAIL("unshare(CLONE_NEWPID)", unshare(CLONE_NEWPID));
	MUST_FAIL("unshare(CLONE_NEWUSER|CLONE_NEWNS)",
	    unshare(CLONE_NEWUSER | CLONE_NEWNS));
	try_clone("clone(CLONE_NEWUSER)", CLONE_NEWUSER);
	try_clone("clone(CLONE_NEWUSER|CLONE_NEWNS|CLONE_NEWPID)",
	    CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID);
	try_clone("clone(CLONE_NEWCGROUP)", CLONE_NEWCGROUP);
	try_clone3("clone3(CLONE_NEWUSER)", CLONE_NEWUSER);
	try_clone3("clone3(CLONE_NEWUSER|CLONE_NEWNS)",
	    CLONE_NEWUSER | CLONE_NEWNS);
	if (evil_breaches) /* a new pid namespace may have broken fork */
		return evil_done();
	/* A plain fork through glibc must still work (clone3 -> clone). */
	pid_t p = fork();
	if (p == 0)
		_exit(7);
	int st = 0;
	if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 7) {
		fprintf(stderr, "plain fork broken\n");
		return 1;
	}
	return evil_done();
}
