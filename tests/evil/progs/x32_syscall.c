/* x32_syscall: getpid and mkdir through the x32 ABI (syscall number with
 * bit 30 set). Seccomp must refuse every x32 syscall (this kernel may
 * not even have x32). A BREACH is an x32 call that works. The filter
 * kills on x32 numbers: Expected: signaled 31 (SIGSYS) at the first call. */
#include "evil.h"

#define X32_BIT 0x40000000L

int
main(void)
{
	long r = syscall(X32_BIT | SYS_getpid);
	if (r == (long)getpid())
		BREACH("x32 getpid worked");
	else
		NOTE("x32 getpid: %ld (%s)", r, strerror(errno));
	r = syscall(X32_BIT | SYS_mkdir, "/box/x32-dir", 0755);
	if (r == 0 || access("/box/x32-dir", F_OK) == 0)
		BREACH("x32 mkdir worked");
	return evil_done();
}
