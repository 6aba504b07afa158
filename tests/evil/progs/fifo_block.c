/* fifo_block: plant FIFOs in /box, /tmp and /dev/shm and block opening
 * one for reading (no writer ever comes). Expected: wall_limit; the host
 * never opens the FIFOs, so it does not hang. */
#include "evil.h"

int
main(void)
{
	mkfifo("/tmp/output", 0666);
	mkfifo("/dev/shm/output", 0666);
	mkfifo("/box/stdout", 0666);
	if (mkfifo("/box/fifo", 0666) < 0) {
		perror("mkfifo /box/fifo");
		return 1;
	}
	int fd = open("/box/fifo", O_RDONLY);
	NOTE("open returned %d", fd);
	return 0;
}
