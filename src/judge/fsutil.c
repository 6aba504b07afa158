/*
 * judge/fsutil.c -- small file helpers of the judge; see fsutil.h.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/fsutil.h"
#include "util/xalloc.h"

/* Read all of fd (at most max bytes) into a new buffer. */
static char *
read_all(int fd, size_t max, size_t *len)
{
	struct stat st;
	size_t	    cap = 4096, n = 0;
	char	   *buf;

	/* A regular file's size is a good first guess: one allocation,
	 * no copying as it grows (answers can be megabytes). */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= max)
		cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap + 1);

	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap > max) {
				free(buf);
				errno = EFBIG;
				return NULL;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		free(buf);
		errno = EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

char *
fs_read_file(const char *path, size_t max, size_t *len)
{
	int   fd, saved;
	char *buf;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	buf = read_all(fd, max, len);
	saved = errno;
	close(fd);
	errno = saved;
	return buf;
}

char *
fs_read_untrusted(int dirfd, const char *name, size_t max, size_t *len)
{
	struct stat st;
	int	    fd, saved;
	char	   *buf;

	/* O_NONBLOCK: a FIFO planted here must not block the judge. */
	fd = openat(dirfd, name,
	    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	if ((uint64_t)st.st_size > max) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	buf = read_all(fd, max, len);
	saved = errno;
	close(fd);
	errno = saved;
	return buf;
}

int
fs_copy_untrusted(int srcdir, const char *name, uint64_t max, int dstdir,
    const char *dstname, mode_t mode)
{
	struct stat st;
	char	    buf[1 << 16];
	int	    in, out = -1, saved;
	uint64_t    total = 0;

	in = openat(srcdir, name,
	    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (in < 0)
		return -1;
	if (fstat(in, &st) < 0)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	if ((uint64_t)st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	out = openat(dstdir, dstname,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (out < 0)
		goto fail;
	for (;;) {
		ssize_t r = read(in, buf, sizeof(buf)), w, off = 0;

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		total += (uint64_t)r;
		if (total > max) { /* it grew while we read */
			errno = EFBIG;
			goto fail;
		}
		while (off < r) {
			w = write(out, buf + off, (size_t)(r - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				goto fail;
			off += w;
		}
	}
	if (fchmod(out, mode) < 0)
		goto fail;
	close(in);
	if (close(out) < 0) {
		saved = errno;
		unlinkat(dstdir, dstname, 0);
		errno = saved;
		return -1;
	}
	return 0;
fail:
	saved = errno;
	close(in);
	if (out >= 0) {
		close(out);
		unlinkat(dstdir, dstname, 0);
	}
	errno = saved;
	return -1;
}

int
fs_write_new(int dirfd, const char *name, const void *buf, size_t len,
    mode_t mode)
{
	const char *p = buf;
	int	    fd, saved;

	fd = openat(dirfd, name,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		p += w;
		len -= (size_t)w;
	}
	/* The umask may have cut the mode: set it exactly. */
	if (fchmod(fd, mode) < 0)
		goto fail;
	if (close(fd) < 0)
		return -1;
	return 0;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
fs_list_sorted(const char *path)
{
	DIR	      *d;
	struct dirent *e;
	char	     **names;
	size_t	       n = 0, cap = 16;

	d = opendir(path);
	if (d == NULL)
		return NULL;
	names = xcalloc(cap + 1, sizeof(*names));
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap *= 2;
			names = xrealloc(names, (cap + 1) * sizeof(*names));
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	names[n] = NULL;
	qsort(names, n, sizeof(*names), cmp_names);
	return names;
}

void
fs_names_free(char **names)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; names[i] != NULL; i++)
		free(names[i]);
	free(names);
}

int
fs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
fs_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *
fs_read_fd(int fd, size_t max, int tail, size_t *len)
{
	struct stat st;
	off_t	    start = 0;
	size_t	    n, got = 0;
	char	   *buf;

	if (fstat(fd, &st) < 0)
		return NULL;
	n = (size_t)st.st_size;
	if (n > max) {
		if (tail)
			start = (off_t)(n - max);
		n = max;
	}
	buf = xmalloc(n + 1);
	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, start + (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	buf[got] = '\0';
	if (len != NULL)
		*len = got;
	return buf;
}
