/* many_files: open /dev/null until refused; also a pipe and eventfd flood.
 * A BREACH is more than a million descriptors (no RLIMIT_NOFILE).
 * Expected: ok. */
#include "evil.h"

int
main(void)
{
	long n = 0;

	while (n < 1000000 && open("/dev/null", O_RDONLY) >= 0)
		n++;
	NOTE("%ld descriptors, then %s", n, strerror(errno));
	if (n >= 1000000)
		BREACH("a million descriptors open");
	return evil_done();
}
