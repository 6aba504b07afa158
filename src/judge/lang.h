/*
 * judge/lang.h -- the language table: what a language is, as data.
 *
 * Languages live in etc/languages.json (installed as
 * <datadir>/gavel/languages.json); adding a language is adding a row there,
 * never a code branch. This module loads and looks up that table. The
 * format is described at the top of the file itself and in docs/judge.md.
 */
#ifndef GAVEL_JUDGE_LANG_H
#define GAVEL_JUDGE_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lang {
	char	*id;		  /* "python3", "cpp", "c" */
	char	*name;		  /* "Python 3" */
	char	*version;	  /* human text */
	char   **extensions;	  /* NULL-terminated, without the dot */
	char	*source;	  /* file name of the source in the box */
	char   **compile;	  /* NULL-terminated argv, or NULL */
	char	*artifact;	  /* file the compile leaves, or NULL */
	char   **run;		  /* NULL-terminated argv */
	double	 time_multiplier; /* applied to every time limit */
	uint32_t memory_extra_mb; /* added to every memory limit */
	char	*monaco;	  /* editor language id */
	char	*starter;	  /* starter-code style */
	uint32_t compile_cpu_ms;  /* compiler limits */
	uint32_t compile_memory_mb;
	uint32_t compile_output_kb;
	char	*pch_header;	  /* precompiled header name, or NULL */
	char   **pch_build;	  /* its build argv */
	char   **pch_use;	  /* what '{pch}' expands to when used */
	char	*harness;	  /* function problems: "driver" (a script
				     harness runs the source) or "cpp" (a
				     generated translation unit), or NULL:
				     not supported */
	char   **harness_run;	  /* argv of a harness run */
	char	*row;		  /* the row as compact JSON (cache keys) */
};

struct lang_table {
	struct lang *langs;
	size_t	     nlangs;
};

/*
 * Load the table at path. Returns 0 and a table the caller owns (free
 * with lang_table_free()), or -1 with a reason in err. Rows missing a
 * required field (id, source, run) are an error, not skipped.
 */
int lang_table_load(const char *path, struct lang_table **out, char *err,
    size_t errlen);
void lang_table_free(struct lang_table *t);

/* The language with this id, or NULL. Borrowed from t. */
const struct lang *lang_find(const struct lang_table *t, const char *id);

/*
 * The language whose extensions match the end of file name `name`
 * ("sol.py" -> python3), or NULL. Borrowed from t.
 */
const struct lang *lang_for_file(const struct lang_table *t,
    const char *name);

/*
 * The process-wide table, loaded once (thread-safe) from
 * judge_data_file("languages.json"). NULL when it cannot be loaded; the
 * reason is logged once.
 */
const struct lang_table *lang_table_default(void);

/*
 * Expand a language's compile argv: '{pch}' becomes the pch.use flags when
 * use_pch, else nothing. Returns a NULL-terminated array the caller owns
 * (free with lang_argv_free()); the strings are copies.
 */
char **lang_compile_argv(const struct lang *l, bool use_pch);
void   lang_argv_free(char **argv);

#endif
