/* stack_recursion: unbounded recursion with 4 KiB frames.
 * The stack limit equals the memory limit, so the cgroup runs out first.
 * Expected: memory_limit (signaled 11 would mean a stack limit below it). */
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
