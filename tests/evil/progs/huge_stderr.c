/* huge_stderr: write to stderr forever, ignoring SIGPIPE and errors.
 * Expected: output_limit; the --stderr file holds at most --stderr-max. */
#include "evil.h"

int
main(void)
{
	static char buf[4096];

	signal(SIGPIPE, SIG_IGN);
	memset(buf, 'e', sizeof buf);
	for (;;)
		(void)write(2, buf, sizeof buf);
}
