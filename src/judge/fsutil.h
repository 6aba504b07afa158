/*
 * judge/fsutil.h -- small file helpers of the judge: reading trusted files
 * whole, listing directories in order, reading untrusted ones (written by
 * a box) without following links.
 */
#ifndef GAVEL_JUDGE_FSUTIL_H
#define GAVEL_JUDGE_FSUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Read the trusted file at path whole, up to max bytes (more: error
 * EFBIG). Returns a NUL-terminated buffer the caller owns with its length
 * in *len (may be NULL), or NULL with errno set.
 */
char *fs_read_file(const char *path, size_t max, size_t *len);

/*
 * Read an untrusted file dirfd/name: opened with O_NOFOLLOW|O_NONBLOCK,
 * accepted only if a regular file of at most max bytes. Returns a
 * NUL-terminated buffer the caller owns (length in *len), or NULL with
 * errno set (ELOOP: a link, EINVAL: not a regular file, EFBIG: too big).
 */
char *fs_read_untrusted(int dirfd, const char *name, size_t max,
    size_t *len);

/*
 * Copy the untrusted file srcdir/name (same rules as fs_read_untrusted())
 * into a new file dstdir/dstname with the given mode, streaming. Returns
 * 0 or -1 with errno; a partial copy is removed.
 */
int fs_copy_untrusted(int srcdir, const char *name, uint64_t max,
    int dstdir, const char *dstname, mode_t mode);

/*
 * Write len bytes to a new file dirfd/name (O_CREAT|O_EXCL|O_NOFOLLOW)
 * with the given mode. Returns 0 or -1 with errno.
 */
int fs_write_new(int dirfd, const char *name, const void *buf, size_t len,
    mode_t mode);

/*
 * The names in directory path, sorted by strcmp, without "." and "..".
 * Returns a NULL-terminated array the caller owns (fs_names_free()), or
 * NULL with errno.
 */
char **fs_list_sorted(const char *path);
void   fs_names_free(char **names);

/* Whether path is a directory / a regular file (following links). */
int fs_is_dir(const char *path);
int fs_is_file(const char *path);

/* Read all of fd from offset 0 (a memfd), at most max bytes, keeping the
 * last max bytes when tail is set. Caller owns; NUL-terminated. */
char *fs_read_fd(int fd, size_t max, int tail, size_t *len);

#endif
