/* int80: 32-bit syscalls through int $0x80 from a 64-bit process: getpid
 * (ia32 #20) and mkdir (ia32 #39). Seccomp must refuse every ia32 call
 * (a filter that checks only syscall numbers is bypassed this way). The
 * filter kills on a foreign architecture: Expected: signaled 31 (SIGSYS)
 * at the first call; exit 42 if a call went through. */
#include "evil.h"
#include <sys/mman.h>

static long
int80(long nr, long a, long b)
{
	long r;
	__asm__ volatile("int $0x80"
	    : "=a"(r)
	    : "a"(nr), "b"(a), "c"(b)
	    : "memory");
	return r;
}

int
main(void)
{
	/* ia32 pointers are 32 bits: put the path in a low mapping. */
	char *low_path = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	long r = int80(20, 0, 0);

	if (r == (long)getpid())
		BREACH("int 0x80 getpid worked (returned our pid %ld)", r);
	else
		NOTE("int 0x80 getpid: %ld", r);
	if (low_path != MAP_FAILED) {
		strcpy(low_path, "/box/int80-dir");
		r = int80(39, (long)low_path, 0755);
		if (r == 0 || access("/box/int80-dir", F_OK) == 0)
			BREACH("int 0x80 mkdir worked");
		else
			NOTE("int 0x80 mkdir: %ld", r);
	}
	return evil_done();
}
