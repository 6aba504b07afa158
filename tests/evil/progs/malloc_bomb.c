/* malloc_bomb: malloc and touch 1 MiB blocks forever.
 * Expected: memory_limit. */
#include "evil.h"

int
main(void)
{
	for (;;) {
		char *p = malloc(1 << 20);
		if (p)
			memset(p, 0xa5, 1 << 20);
		evil_keep = p;
	}
}
