/* huge_stdout: write to stdout forever.
 * Expected: output_limit; the --stdout file holds at most --stdout-max. */
#include "evil.h"

int
main(void)
{
	static char buf[65536];

	memset(buf, 'o', sizeof buf);
	for (;;)
		if (write(1, buf, sizeof buf) < 0)
			return 1;
}
