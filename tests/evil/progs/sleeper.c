/* sleeper: sleep a minute without using CPU.
 * Expected: wall_limit (cpu_ms small). */
#include "evil.h"

int
main(void)
{
	sleep(60);
	return 0;
}
