/* ptrace: PTRACE_TRACEME, attach to pid 1, to the parent, to its own
 * child; process_vm_readv of the child. All must be refused.
 * Expected: ok. */
#include "evil.h"
#include <sys/ptrace.h>
#include <sys/uio.h>

int
main(void)
{
	pid_t c = fork();
	char buf[16], src[16] = "secret";
	struct iovec l = { buf, sizeof buf }, r = { src, sizeof src };

	if (c == 0) {
		pause();
		_exit(0);
	}
	MUST_FAIL("PTRACE_ATTACH pid 1", ptrace(PTRACE_ATTACH, 1, 0, 0));
	if (getppid() > 1)
		MUST_FAIL("PTRACE_ATTACH parent",
		    ptrace(PTRACE_ATTACH, getppid(), 0, 0));
	MUST_FAIL("PTRACE_ATTACH own child", ptrace(PTRACE_ATTACH, c, 0, 0));
	MUST_FAIL("PTRACE_SEIZE own child", ptrace(PTRACE_SEIZE, c, 0, 0));
	MUST_FAIL("process_vm_readv own child",
	    process_vm_readv(c, &l, 1, &r, 1, 0));
	MUST_FAIL("process_vm_writev own child",
	    process_vm_writev(c, &l, 1, &r, 1, 0));
	MUST_FAIL("PTRACE_TRACEME", ptrace(PTRACE_TRACEME, 0, 0, 0));
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	return evil_done();
}
