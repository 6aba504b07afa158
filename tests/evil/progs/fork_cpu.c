/* fork_cpu: two child processes spin while main waits for them; the CPU
 * of children must count. Expected: time_limit. */
#include "evil.h"

int
main(void)
{
	for (int i = 0; i < 2; i++)
		if (fork() == 0)
			evil_spin();
	while (wait(NULL) > 0 || errno == EINTR)
		;
	return 0;
}
