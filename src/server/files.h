/*
 * server/files.h -- the file helpers authoring.c and package.c share: a
 * private temporary directory beside a problem, files and directories
 * created below it without ever following a symlink, and a tree removed
 * the same way.
 *
 * Paths given to them are relative to a directory fd this process
 * opened with O_NOFOLLOW: every directory on the way is opened with
 * O_NOFOLLOW, every file created with O_EXCL | O_NOFOLLOW. Directories
 * are made 0755 and files 0644 whatever the umask (the judge's boxes
 * read checkers and tests). Failures are logged as "authoring: ...".
 */
#ifndef GAVEL_SERVER_FILES_H
#define GAVEL_SERVER_FILES_H

#include <stddef.h>

/* Remove a directory tree, never following a symlink. 0 or -1. */
int files_rmtree(const char *path);

/*
 * A fresh, private temporary directory root/.tmp-<slug>-XXXXXX (the
 * catalog skips dot-names). Caller frees; NULL (logged) on failure.
 */
char *files_tmpdir(const char *root, const char *slug);

/*
 * Open (creating when needed) the directories of rel below dirfd, all
 * but its last component, without following a symlink: the fd of the
 * last directory (the caller closes it), and *leaf the last component.
 * -1 with errno on failure (EINVAL for an empty, ".", ".." or too long
 * component).
 */
int files_open_parent(int dirfd, const char *rel, char *leaf, size_t leaflen);

/* Create rel (a new file, never an existing one) below dirfd: its fd or -1. */
int files_create(int dirfd, const char *rel);

/* Write all of buf to fd, again after EINTR. 0 or -1. */
int files_write_all(int fd, const void *buf, size_t len);

/* Write a whole new file rel below dirfd. 0 or -1 (logged). */
int files_put(int dirfd, const char *rel, const void *data, size_t len);

#endif
