/* self_sigkill: spin briefly, then kill itself with SIGKILL, which is
 * also what a limit kill looks like. Expected: signaled 9 -- not
 * memory_limit, not time_limit. */
#include "evil.h"

int
main(void)
{
	volatile unsigned long x = 0;

	for (unsigned long i = 0; i < 50000000UL; i++)
		x++;
	kill(getpid(), SIGKILL);
	pause();
	return 0;
}
