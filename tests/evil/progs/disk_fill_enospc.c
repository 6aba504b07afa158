/* disk_fill_enospc: fill /box, /tmp and /dev/shm until the tmpfs is full
 * (run with --tmpfs 2048 and a large --fsize). ENOSPC is handled and the
 * program exits 0. A BREACH is a tmpfs that takes far more than its size.
 * Expected: ok. */
#include "evil.h"

static void
fill(const char *path, long long cap)
{
	static char buf[65536];
	long long tot = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0) {
		NOTE("open %s: %s", path, strerror(errno));
		return;
	}
	memset(buf, 'B', sizeof buf);
	while (tot < cap && (n = write(fd, buf, sizeof buf)) > 0)
		tot += n;
	NOTE("%s: %lld bytes, then %s", path, tot,
	    tot >= cap ? "cap" : strerror(errno));
	if (tot >= cap)
		BREACH("%s took %lld bytes: tmpfs size not enforced", path, tot);
	close(fd);
	unlink(path); /* give the memory back for the next one */
}

int
main(void)
{
	signal(SIGXFSZ, SIG_IGN);
	fill("/box/fill", 16LL << 20);
	fill("/tmp/fill", 16LL << 20);
	fill("/dev/shm/fill", 16LL << 20);
	return evil_done();
}
