/* memory_peak: reserve 4 GiB of address space without touching it, touch
 * 24 MiB slowly, free it all and exit 0. The reserve must not count; the
 * peak must be reported even though usage is back to ~0 at exit.
 * Expected: ok, memory_kb >= 24000 (checked by run.sh). */
#include "evil.h"
#include <sys/mman.h>
#include <time.h>

int
main(void)
{
	struct timespec ts = { 0, 2 * 1000 * 1000 };
	char *big = mmap(NULL, 4UL << 30, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	char *p = mmap(NULL, 24 << 20, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (big == MAP_FAILED)
		NOTE("4 GiB reserve refused: %s", strerror(errno));
	if (p == MAP_FAILED) {
		perror("mmap 24 MiB");
		return 1;
	}
	for (int i = 0; i < 24; i++) {
		memset(p + ((size_t)i << 20), 0x77, 1 << 20);
		evil_keep = p;
		nanosleep(&ts, NULL);
	}
	munmap(p, 24 << 20);
	return 0;
}
