/* deep_tree: directories nested 3000 deep in /box and /tmp (paths far
 * beyond PATH_MAX), with a symlink to / at the bottom, and a directory
 * with mode 000. Whatever cleans the box up must cope without following
 * links and without leaving anything. Expected: ok. */
#include "evil.h"

static void
dig(const char *top, int depth)
{
	int fd = open(top, O_RDONLY | O_DIRECTORY);
	int i;

	for (i = 0; i < depth && fd >= 0; i++) {
		if (mkdirat(fd, "d", 0755) < 0)
			break;
		int nfd = openat(fd, "d", O_RDONLY | O_DIRECTORY);
		close(fd);
		fd = nfd;
	}
	if (fd >= 0) {
		symlinkat("/", fd, "escape");
		symlinkat("/etc/passwd", fd, "victim");
		mkdirat(fd, "closed", 0);
		close(fd);
	}
	NOTE("%s: %d levels", top, i);
}

int
main(void)
{
	dig("/box", 3000);
	dig("/tmp", 3000);
	return 0;
}
