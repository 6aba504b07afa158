/*
 * server/authoring.h -- problems written by admins: a definition (the
 * body of PUT /api/admin/problems/{slug}) or a Kattis package (.zip)
 * becomes a problem directory under the authored root (--authored), in
 * Gavel's own format (docs/problem-format.md) or as the package, and is
 * imported into the store at once. Packages are unpacked by package.c
 * (package.h); the helpers for files both use are in files.h.
 *
 * Every change is built in a fresh temporary directory beside its target
 * (<root>/.tmp-<slug>-XXXXXX: the catalog skips dot-names), checked with
 * the judge's own loader, then swapped in with one rename (RENAME_EXCHANGE
 * over an existing problem), under the catalog lock, and imported. A
 * problem is never half-written: a failure at any step leaves the old
 * directory (or none) in place and removes the temporary one.
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

/*
 * The server's caps on an uploaded package (struct package_caps);
 * AUTHORING_MAX_FILE also caps a test's input and answer in a definition.
 */
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
 * files_rmtree() unless authoring_install() took it). max_code caps
 * each starter. def is changed in place: function test inputs get their
 * final newline. AUTHORING_INVALID with a reason in err for a bad
 * definition (a missing or unknown field, a wrong type, a test that does
 * not fit the signature, ...).
 */
enum authoring_rc authoring_build(const char *root, const char *slug,
    json_t *def, size_t max_code, struct authoring_def *out, char **tmpdir,
    char *err, size_t errlen);

/*
 * Check the problem at pkgdir (inside tmpdir, from authoring_build() or
 * package_unpack()) with the judge's loader, swap it in as root/slug and
 * import it (hidden when new to the store), under the catalog lock.
 * tmpdir is removed in every case (with the old copy of the problem).
 * *created: there was no such problem before; *ntests: samples + hidden
 * tests.
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

#endif
