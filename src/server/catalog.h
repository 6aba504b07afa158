/*
 * server/catalog.h -- import the problems directory into the store.
 *
 * Each problems/<slug>/ with a problem.json (docs/problem-format.md), or
 * a problem.yaml (a Kattis package), becomes a store problem with its
 * statement, starter code, samples and hidden tests. Tests and limits
 * come from the judge's own loader (problem_load()), so the store holds
 * them in the order and with the limits the judge uses. A content hash over every file of the problem decides
 * whether the stored copy is stale, so a sync after an edit rewrites only
 * the problems that changed; problems whose directory disappeared are
 * retired (their submissions stay). Directories starting with '.' or
 * '_' and names that are not slugs are skipped.
 */
#ifndef GAVEL_SERVER_CATALOG_H
#define GAVEL_SERVER_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

struct catalog_stats {
	size_t seen;	/* problem directories found */
	size_t changed; /* imported because new or changed */
	size_t failed;	/* unreadable or invalid: the stored copy stays */
	size_t retired; /* gone from the directory */
};

/* One directory of problems. */
struct catalog_root {
	const char *dir;
	bool	    authored; /* the admins' (--authored): new ones hidden */
};

/*
 * Bring the store in step with the roots, in order (a slug in two roots:
 * the first wins). 0 on success (individual bad problems are logged and
 * counted, not fatal), -1 when a root cannot be read (then nothing is
 * retired) or the store fails. Takes the catalog lock.
 */
int catalog_sync(struct store *st, const struct catalog_root *roots,
    size_t nroots, struct catalog_stats *out);

/*
 * The catalog lock: held by catalog_sync() for its whole run, and by
 * whoever installs a problem directory (authoring.c) from before the
 * directory changes until it is imported, so a sync never sees a
 * directory that is not yet (or no longer) in the store and retires it.
 */
void catalog_lock(void);
void catalog_unlock(void);

/*
 * Import one problem directory now (the caller holds the catalog lock).
 * hidden applies to a problem new to the store. 0, or with err set -1
 * (the problem does not load) or -2 (the store failed).
 */
int catalog_import(struct store *st, const char *pdir, const char *slug,
    bool authored, bool hidden, char *err, size_t errlen);

/*
 * Read one problem directory into *p (the caller clears it with
 * store_problem_clear()). 0, or -1 with *err set (static or caller-freed
 * text in errbuf).
 */
int catalog_load(const char *pdir, const char *slug, struct store_problem *p,
    char *errbuf, size_t errlen);

#endif
