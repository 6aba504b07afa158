/* rlimit_raise: try to raise every hard limit to infinity, then write a
 * 4 MiB file (run with --fsize 1024). The file size limit must hold:
 * Expected: output_limit. (exit 42 if the hard RLIMIT_FSIZE went up.) */
#include "evil.h"
#include <sys/resource.h>

int
main(void)
{
	static char buf[65536];
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };

	for (int r = 0; r < RLIM_NLIMITS; r++)
		if (setrlimit(r, &inf) == 0 && r == RLIMIT_FSIZE)
			BREACH("RLIMIT_FSIZE raised to infinity");
	if (evil_breaches)
		return evil_done();
	int fd = open("/box/f", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < 64; i++)
		if (write(fd, buf, sizeof buf) < 0)
			break;
	return 0;
}
