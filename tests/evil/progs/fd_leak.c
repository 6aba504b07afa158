/* fd_leak: only fds 0, 1 and 2 may be open at start (no lock file, no
 * cgroup or directory descriptor of the host, no report file). A leaked
 * directory fd would allow openat(fd, "..") out of the box. fds 0-2 must
 * not be host files or directories. Expected: ok. */
#include "evil.h"
#include <dirent.h>

int
main(void)
{
	char path[64], target[512];

	for (int fd = 0; fd < 1024; fd++) {
		struct stat st;
		if (fstat(fd, &st) < 0)
			continue;
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		ssize_t n = readlink(path, target, sizeof target - 1);
		target[n > 0 ? n : 0] = 0;
		NOTE("fd %d -> %s", fd, target);
		if (S_ISDIR(st.st_mode)) {
			BREACH("fd %d is a directory (%s)", fd, target);
			int up = openat(fd, "..", O_RDONLY | O_DIRECTORY);
			if (up >= 0 && faccessat(up, "work", F_OK, 0) == 0)
				BREACH("openat(fd %d, \"..\") reaches the host", fd);
		} else if (fd > 2) {
			BREACH("fd %d leaked into the box: %s", fd, target);
		}
	}
	char cwd[256];
	if (getcwd(cwd, sizeof cwd) && strcmp(cwd, "/box") != 0)
		BREACH("cwd is %s, not /box", cwd);
	return evil_done();
}
