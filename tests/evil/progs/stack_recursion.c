/* stack_recursion: unbounded recursion with 4 KiB frames.
 * Expected: signaled 11 (SIGSEGV, stack overflow) -- see run.sh. */
#include "evil.h"

static int
deep(int n)
{
	volatile char frame[4096];
	frame[n % 4096] = (char)n;
	return deep(n + 1) + frame[(n * 7) % 4096];
}

int
main(void)
{
	return deep(0);
}
