/* disk_fill_big: write one ever-growing file in /box, 64 KiB at a time.
 * Run with --fsize smaller than the tmpfs: the file size limit (SIGXFSZ)
 * stops it. Expected: output_limit. */
#include "evil.h"

int
main(void)
{
	static char buf[65536];
	int fd = open("/box/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		perror("open /box/big");
		return 1;
	}
	memset(buf, 'A', sizeof buf);
	for (;;)
		if (write(fd, buf, sizeof buf) < 0) {
			perror("write");
			return 1;
		}
}
