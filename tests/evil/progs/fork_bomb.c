/* fork_bomb: classic fork bomb; every process forks forever and spins.
 * Expected: time_limit (pids cap stops the growth, CPU runs out), and no
 * process of the box survives. */
#include "evil.h"

int
main(void)
{
	for (;;)
		(void)fork();
}
