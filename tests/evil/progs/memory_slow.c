/* memory_slow: touch 1 MiB every 5 ms, never freeing -- a slow leak
 * that the limit must still catch (and not as a wall-clock kill).
 * Expected: memory_limit. */
#include "evil.h"
#include <time.h>

int
main(void)
{
	struct timespec ts = { 0, 5 * 1000 * 1000 };

	for (;;) {
		char *p = malloc(1 << 20);
		if (p)
			memset(p, 0x5a, 1 << 20);
		evil_keep = p;
		nanosleep(&ts, NULL);
	}
}
