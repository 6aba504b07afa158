/* trivial: not an attack -- the "is the next run clean?" probe run.sh
 * runs after every hostile program. Touches 1 MiB and exits 0.
 * Expected: ok, with a small memory_kb (>= 1024) and tiny cpu_ms. */
#include "evil.h"



int
main(void)
{
	char *p = malloc(1 << 20);

	if (!p)
		return 1;
	memset(p, 1, 1 << 20);
	evil_keep = p;
	return evil_keep[4096] == 1 ? 0 : 1;
}
