/*
 * server/authoring.h -- problems written by admins: a definition (the
 * body of PUT /api/admin/problems/{slug}) or a Kattis package (.zip)
 * becomes a problem directory under the authored root (--authored), in
 * Gavel's own format (docs/problem-format.md) or as the package, and is
 * imported into the store at once.
 *
 * Every change is built in a fresh temporary directory beside its target
 * (<root>/.tmp-<slug>-XXXXXX: the catalog skips dot-names), checked with
 * the judge's own loader, then swapped in with one rename (RENAME_EXCHANGE
 * over an existing problem), under the catalog lock, and imported. A
 * problem is never half-written: a failure at any step leaves the old
 * directory (or none) in place and removes the temporary one.
 *
 * Archives are hostile: only regular files and directories are extracted,
 * never a link or a device; a path that is absolute, holds "..", or is
 * otherwise odd refuses the whole archive; entries, per-file and total
 * sizes are capped (a zip bomb stops at the cap). Files are created with
 * openat(O_NOFOLLOW | O_EXCL) below directories opened with O_NOFOLLOW,
 * in a directory this process just made.
 */
#ifndef GAVEL_SERVER_AUTHORING_H
#define GAVEL_SERVER_AUTHORING_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

enum authoring_rc {
	AUTHORING_OK,
	AUTHORING_INVALID, /* the definition or package is wrong: 400/422 */
	AUTHORING_UNSAFE,  /* the archive is hostile or over a cap: 400 */
	AUTHORING_ERR,	   /* the disk or the database failed: 500 */
};

/* Caps on an uploaded archive. */
struct authoring_caps {
	size_t max_entries; /* files and directories */
	size_t max_file;    /* bytes of one file, uncompressed */
	size_t max_total;   /* bytes of all files, uncompressed */
};

#define AUTHORING_MAX_ENTRIES 10000
#define AUTHORING_MAX_FILE    ((size_t)64 << 20)
#define AUTHORING_MAX_TOTAL   ((size_t)256 << 20)

/* What a definition asks beyond its files. */
struct authoring_def {
	bool   hidden_set; /* "hidden" was given */
	bool   hidden;
	size_t ntests;	   /* samples + hidden tests */
};

/*
 * Make sure the authored root exists (created 0755 when missing) and
 * remove temporary directories a crash left in it. Returns its real path
 * (caller frees), or NULL (logged).
 */
char *authoring_open_root(const char *dir);

/*
 * Check def (a PUT body) and write it as a problem directory in a fresh
 * temporary directory under root: *tmpdir (caller frees; remove it with
 * authoring_rmtree() unless authoring_install() took it). max_code caps
 * each starter. def is changed in place: function test inputs get their
 * final newline. AUTHORING_INVALID with a reason in err for a bad
 * definition (a missing or unknown field, a wrong type, a test that does
 * not fit the signature, ...).
 */
enum authoring_rc authoring_build(const char *root, const char *slug,
    json_t *def, size_t max_code, struct authoring_def *out, char **tmpdir,
    char *err, size_t errlen);

/*
 * Extract the zip archive buf[0..len) into a fresh temporary directory
 * under root: *tmpdir (caller frees and removes, as above), and *pkgdir
 * (caller frees), the package inside it: *tmpdir itself, or its single
 * top-level directory when the archive wraps the package in one.
 * AUTHORING_UNSAFE for a hostile archive or one over caps (then nothing
 * is left on disk and *tmpdir is NULL), AUTHORING_INVALID when it is not
 * a zip archive or holds no problem.
 */
enum authoring_rc authoring_unpack(const char *root, const char *slug,
    const void *buf, size_t len, const struct authoring_caps *caps,
    char **tmpdir, char **pkgdir, char *err, size_t errlen);

/*
 * Check the problem at pkgdir (inside tmpdir) with the judge's loader,
 * swap it in as root/slug and import it (hidden when new to the store),
 * under the catalog lock. tmpdir is removed in every case (with the old
 * copy of the problem). *created: there was no such problem before;
 * *ntests: samples + hidden tests.
 */
enum authoring_rc authoring_install(struct store *st, const char *root,
    const char *slug, const char *tmpdir, const char *pkgdir,
    bool *created, size_t *ntests, char *err, size_t errlen);

/*
 * The editable definition of an imported problem (p with its samples
 * and hidden tests): what PUT takes, plus the read-only "slug",
 * "authored" and "hidden". New reference.
 */
json_t *authoring_definition(const struct store_problem *p);

/* Remove a directory tree, never following a symlink. 0 or -1. */
int authoring_rmtree(const char *path);

#endif
