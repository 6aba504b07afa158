/* cpu_under_limit: use 600 ms of CPU (of a 1 s limit) and exit 0: no
 * false time limit. Expected: ok, cpu_ms between 550 and 1000. */
#include "evil.h"
#include <time.h>

int
main(void)
{
	struct timespec ts;
	volatile unsigned long x = 0;

	do {
		for (int i = 0; i < 100000; i++)
			x++;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	} while (ts.tv_sec * 1000L + ts.tv_nsec / 1000000 < 600);
	return 0;
}
