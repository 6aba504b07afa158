/* inode_fill: create empty files in /box and /tmp until refused (inode
 * limit) -- a BREACH if 200000 files fit, i.e. no inode limit.
 * Expected: ok. */
#include "evil.h"

static void
fill(const char *dir)
{
	char path[256];
	long i;

	for (i = 0; i < 200000; i++) {
		snprintf(path, sizeof path, "%s/f%ld", dir, i);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0)
			break;
		close(fd);
	}
	NOTE("%s: %ld files, then %s", dir, i,
	    i == 200000 ? "cap" : strerror(errno));
	if (i == 200000)
		BREACH("%s: 200000 files created, no inode limit", dir);
}

int
main(void)
{
	fill("/box");
	fill("/tmp");
	return evil_done();
}
