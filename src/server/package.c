/*
 * server/package.c -- a hostile .zip unpacked with libarchive into a
 * temporary directory, entry by entry, within caps; see package.h.
 */
#include "server/package.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/files.h"
#include "util/log.h"
#include "util/xalloc.h"

#define MAX_PATH_LEN 1024
#define MAX_DEPTH    32

/*
 * Whether an archive path is one we extract: relative, no "." or ".."
 * or empty segment, no backslash or control character, not too long or
 * deep. A trailing '/' (a directory) is allowed.
 */
static bool
safe_path(const char *p)
{
	size_t n = strlen(p), i, seg = 0, depth = 0;

	if (n == 0 || n > MAX_PATH_LEN || p[0] == '/')
		return false;
	for (i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '/' || c == '\0') {
			if (seg == 0)
				return c == '\0' && i == n && i > 0; /* "a/" */
			if ((seg == 1 && p[i - 1] == '.') ||
			    (seg == 2 && p[i - 1] == '.' && p[i - 2] == '.') ||
			    seg > NAME_MAX || ++depth > MAX_DEPTH)
				return false;
			seg = 0;
			continue;
		}
		if (c < 0x20 || c == 0x7f || c == '\\')
			return false;
		seg++;
	}
	return true;
}

/* Copy one entry's data to a new file rel below dfd, within the caps. */
static enum authoring_rc
extract_file(struct archive *a, int dfd, const char *rel,
    const struct package_caps *caps, size_t *total, char *err,
    size_t errlen)
{
	char	buf[65536];
	size_t	size = 0;
	ssize_t n;
	int	fd;

	if ((fd = files_create(dfd, rel)) < 0) {
		if (errno == EEXIST || errno == ENOTDIR || errno == ELOOP ||
		    errno == EINVAL || errno == EISDIR) {
			snprintf(err, errlen,
			    "%.200s: a duplicate or clashing entry", rel);
			return AUTHORING_UNSAFE;
		}
		log_warn("authoring: create %s", rel);
		snprintf(err, errlen, "cannot write %.200s", rel);
		return AUTHORING_ERR;
	}
	while ((n = archive_read_data(a, buf, sizeof(buf))) > 0) {
		size += (size_t)n;
		*total += (size_t)n;
		if (size > caps->max_file || *total > caps->max_total) {
			close(fd);
			snprintf(err, errlen,
			    size > caps->max_file
				? "%.200s: a file over %zu bytes"
				: "%.200s: the archive is over %zu bytes "
				  "unpacked",
			    rel,
			    size > caps->max_file ? caps->max_file
						  : caps->max_total);
			return AUTHORING_UNSAFE;
		}
		if (files_write_all(fd, buf, (size_t)n) != 0) {
			log_warn("authoring: write %s", rel);
			close(fd);
			snprintf(err, errlen, "cannot write %.200s", rel);
			return AUTHORING_ERR;
		}
	}
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "%.200s: %s", rel, archive_error_string(a));
		return AUTHORING_INVALID;
	}
	return AUTHORING_OK;
}

/* Whether dir holds problem.json or problem.yaml (regular files). */
static bool
has_problem(const char *dir)
{
	static const char *const names[] = { "problem.json", "problem.yaml" };
	struct stat		 sb;
	size_t			 i;
	bool			 found = false;

	for (i = 0; i < 2 && !found; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);

		found = lstat(p, &sb) == 0 && S_ISREG(sb.st_mode);
		free(p);
	}
	return found;
}

/* The package inside dir: dir, or its one top-level directory. */
static char *
find_package(const char *dir)
{
	DIR	      *d;
	struct dirent *e;
	struct stat    sb;
	char	      *only = NULL;
	int	       n = 0;

	if (has_problem(dir))
		return xstrdup(dir);
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		n++;
		free(only);
		only = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n == 1 && lstat(only, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    has_problem(only))
		return only;
	free(only);
	return NULL;
}

enum authoring_rc
package_unpack(const char *root, const char *slug, const void *buf,
    size_t len, const struct package_caps *caps, char **tmpdir,
    char **pkgdir, char *err, size_t errlen)
{
	struct archive	     *a = archive_read_new();
	struct archive_entry *e;
	enum authoring_rc     rc = AUTHORING_OK;
	char		     *dir = NULL;
	size_t		      entries = 0, total = 0;
	int		      dfd = -1, r;

	*tmpdir = *pkgdir = NULL;
	archive_read_support_format_zip(a);
	if (archive_read_open_memory(a, buf, len) != ARCHIVE_OK) {
		snprintf(err, errlen, "not a zip archive: %s",
		    archive_error_string(a));
		rc = AUTHORING_INVALID;
		goto out;
	}
	if ((dir = files_tmpdir(root, slug)) == NULL ||
	    (dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
				 O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "cannot unpack on this server's disk");
		rc = AUTHORING_ERR;
		goto out;
	}
	while (rc == AUTHORING_OK &&
	       (r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		mode_t	    type = archive_entry_filetype(e);

		if (++entries > caps->max_entries) {
			snprintf(err, errlen, "more than %zu entries",
			    caps->max_entries);
			rc = AUTHORING_UNSAFE;
		} else if (name == NULL || !safe_path(name)) {
			snprintf(err, errlen,
			    "entry \"%.200s\": absolute paths, '..', '.', "
			    "empty segments, backslashes and control "
			    "characters are refused",
			    name ? name : "(not UTF-8)");
			rc = AUTHORING_UNSAFE;
		} else if (archive_entry_hardlink(e) != NULL ||
			   archive_entry_symlink(e) != NULL ||
			   (type != AE_IFREG && type != AE_IFDIR)) {
			snprintf(err, errlen,
			    "entry \"%.200s\": only files and directories, "
			    "no links or devices",
			    name);
			rc = AUTHORING_UNSAFE;
		} else if (archive_entry_size_is_set(e) &&
			   archive_entry_size(e) > (la_int64_t)caps->max_file) {
			snprintf(err, errlen, "%.200s: a file over %zu bytes",
			    name, caps->max_file);
			rc = AUTHORING_UNSAFE;
		} else if (type == AE_IFDIR) {
			size_t nl = strlen(name);
			char  *d, leaf[NAME_MAX + 1];
			int    fd;

			/* "a/b/" -> files_open_parent("a/b/.") makes a, b. */
			if (name[nl - 1] == '/')
				nl--;
			d = xasprintf("%.*s/.", (int)nl, name);
			fd = files_open_parent(dfd, d, leaf, sizeof(leaf));
			free(d);
			if (fd < 0) {
				snprintf(err, errlen,
				    "entry \"%.200s\": clashes with a file",
				    name);
				rc = AUTHORING_UNSAFE;
			} else {
				close(fd);
			}
		} else {
			rc = extract_file(a, dfd, name, caps, &total, err,
			    errlen);
		}
	}
	if (rc == AUTHORING_OK && r != ARCHIVE_EOF) {
		snprintf(err, errlen, "a broken zip archive: %s",
		    archive_error_string(a));
		rc = AUTHORING_INVALID;
	}
	if (rc == AUTHORING_OK && (*pkgdir = find_package(dir)) == NULL) {
		snprintf(err, errlen,
		    "no problem.yaml (or problem.json) at the top of the "
		    "archive");
		rc = AUTHORING_INVALID;
	}
out:
	if (dfd >= 0)
		close(dfd);
	archive_read_free(a);
	if (rc == AUTHORING_OK) {
		*tmpdir = dir;
	} else {
		files_rmtree(dir);
		free(dir);
	}
	return rc;
}
