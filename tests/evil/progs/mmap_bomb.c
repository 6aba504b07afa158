/* mmap_bomb: anonymous MAP_POPULATE mappings of 8 MiB forever (and a
 * MAP_SHARED one now and then, charged as shmem).
 * Expected: memory_limit. */
#include "evil.h"
#include <sys/mman.h>

int
main(void)
{
	for (int i = 0;; i++) {
		int flags = (i % 4 == 3 ? MAP_SHARED : MAP_PRIVATE) |
		    MAP_ANONYMOUS | MAP_POPULATE;
		char *p = mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE, flags,
		    -1, 0);
		if (p != MAP_FAILED)
			p[0] = 1;
		evil_keep = p;
	}
}
