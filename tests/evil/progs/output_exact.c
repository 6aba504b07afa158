/* output_exact: write exactly N bytes (argv[1]) to stdout and exit 0. At
 * the cap (--stdout-max N) that is fine: Expected ok, all N bytes kept;
 * one byte more: Expected output_limit, at most the cap kept. */
#include "evil.h"

int
main(int argc, char **argv)
{
	static char buf[4096];
	long n = argc > 1 ? atol(argv[1]) : 0;

	memset(buf, 'x', sizeof buf);
	while (n > 0) {
		ssize_t w = write(1, buf, n < (long)sizeof buf ? (size_t)n : sizeof buf);
		if (w <= 0)
			return 1;
		n -= w;
	}
	return 0;
}
