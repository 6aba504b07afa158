/*
 * server/package.h -- a Kattis package uploaded by an admin (a .zip,
 * POST /api/admin/problems/{slug}/package) unpacked into a fresh
 * temporary directory under the authored root, for authoring_install()
 * to check and swap in (see authoring.h).
 *
 * Archives are hostile: only regular files and directories are extracted,
 * never a link or a device; a path that is absolute, holds "..", or is
 * otherwise odd refuses the whole archive; entries, per-file and total
 * sizes are capped (a zip bomb stops at the cap). Files are created with
 * openat(O_NOFOLLOW | O_EXCL) below directories opened with O_NOFOLLOW,
 * in a directory this process just made (files.h).
 */
#ifndef GAVEL_SERVER_PACKAGE_H
#define GAVEL_SERVER_PACKAGE_H

#include <stddef.h>

#include "server/authoring.h"

/* Caps on an uploaded archive. */
struct package_caps {
	size_t max_entries; /* files and directories */
	size_t max_file;    /* bytes of one file, uncompressed */
	size_t max_total;   /* bytes of all files, uncompressed */
};

/*
 * Extract the zip archive buf[0..len) into a fresh temporary directory
 * under root: *tmpdir (caller frees; authoring_install() removes it, or
 * files_rmtree() when it is not called), and *pkgdir (caller frees), the
 * package inside it: *tmpdir itself, or its single top-level directory
 * when the archive wraps the package in one. AUTHORING_UNSAFE for a
 * hostile archive or one over caps (then nothing is left on disk and
 * *tmpdir is NULL), AUTHORING_INVALID when it is not a zip archive or
 * holds no problem.
 */
enum authoring_rc package_unpack(const char *root, const char *slug,
    const void *buf, size_t len, const struct package_caps *caps,
    char **tmpdir, char **pkgdir, char *err, size_t errlen);

#endif
