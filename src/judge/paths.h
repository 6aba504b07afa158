/*
 * judge/paths.h -- where the judge finds its data files and its cache.
 *
 * Data files (languages.json, the harness sources) are looked up, in order:
 * in $GAVEL_DATA_DIR; relative to the running binary (<bindir>/../share/
 * gavel, an installed copy); in the source tree the binary was built from
 * (so build/src/gavel works from a checkout); in the install data dir. In the source tree
 * languages.json is etc/languages.json and harness files are under
 * src/judge/harness/; installed, both are directly in <datadir>/gavel/ and
 * <datadir>/gavel/harness/.
 */
#ifndef GAVEL_JUDGE_PATHS_H
#define GAVEL_JUDGE_PATHS_H

/*
 * The absolute path of data file `name` ("languages.json" or
 * "harness/python3_driver.py"), or NULL when it exists nowhere. The caller
 * owns the string (free()).
 */
char *judge_data_file(const char *name);

/*
 * The compile cache's root: $GAVEL_CACHE_DIR, or /var/cache/gavel.
 * Borrowed, static.
 */
const char *judge_cache_dir(void);

/*
 * The problem catalog's root: $GAVEL_PROBLEMS, the source tree's problems/
 * when the binary was built from one, or <datadir>/gavel/problems. Caller
 * owns the string.
 */
char *judge_problems_dir(void);

#endif
