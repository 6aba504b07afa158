/*
 * server/files.c -- temporary directories and files below them, never
 * following a symlink; see files.h.
 */
#include "server/files.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/log.h"
#include "util/xalloc.h"

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0 && errno != ENOENT)
		log_warn("authoring: remove %s", path);
	return 0;
}

int
files_rmtree(const char *path)
{
	struct stat sb;

	if (path == NULL || lstat(path, &sb) != 0)
		return path == NULL || errno == ENOENT ? 0 : -1;
	/* FTW_PHYS: a symlink is removed, never followed. */
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

char *
files_tmpdir(const char *root, const char *slug)
{
	char *t = xasprintf("%s/.tmp-%s-XXXXXX", root, slug);

	if (mkdtemp(t) == NULL) {
		log_warn("authoring: mkdtemp %s", t);
		free(t);
		return NULL;
	}
	return t;
}

int
files_open_parent(int dirfd, const char *rel, char *leaf, size_t leaflen)
{
	const char *s = rel, *slash;
	int	    fd = dup(dirfd), next;
	bool	    made;

	while (fd >= 0 && (slash = strchr(s, '/')) != NULL) {
		char comp[NAME_MAX + 1];
		size_t n = (size_t)(slash - s);

		if (n == 0 || n > NAME_MAX) {
			close(fd);
			errno = EINVAL;
			return -1;
		}
		memcpy(comp, s, n);
		comp[n] = '\0';
		/* Never up or in place (package.c refused them already). */
		if (strcmp(comp, ".") == 0 || strcmp(comp, "..") == 0) {
			close(fd);
			errno = EINVAL;
			return -1;
		}
		made = mkdirat(fd, comp, 0755) == 0;
		if (!made && errno != EEXIST) {
			close(fd);
			return -1;
		}
		next = openat(fd, comp,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = next;
		/* Whatever the umask: the judge's boxes read checkers. */
		if (made && fd >= 0)
			fchmod(fd, 0755);
		s = slash + 1;
	}
	if (fd >= 0 && (strlen(s) == 0 || strlen(s) >= leaflen ||
			   strcmp(s, "..") == 0)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	if (fd >= 0)
		snprintf(leaf, leaflen, "%s", s);
	return fd;
}

int
files_create(int dirfd, const char *rel)
{
	char leaf[NAME_MAX + 1];
	int  pfd, fd;

	if ((pfd = files_open_parent(dirfd, rel, leaf, sizeof(leaf))) < 0)
		return -1;
	fd = openat(pfd, leaf,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	close(pfd);
	/* Whatever the umask: the judge's boxes read checkers and tests. */
	if (fd >= 0)
		fchmod(fd, 0644);
	return fd;
}

int
files_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t	    n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
files_put(int dirfd, const char *rel, const void *data, size_t len)
{
	int fd = files_create(dirfd, rel), rc;

	if (fd < 0) {
		log_warn("authoring: create %s", rel);
		return -1;
	}
	rc = files_write_all(fd, data, len);
	if (close(fd) != 0 || rc != 0) {
		log_warn("authoring: write %s", rel);
		return -1;
	}
	return 0;
}
