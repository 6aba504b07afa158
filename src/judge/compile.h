/*
 * judge/compile.h -- compile a submission (or a checker) in the sandbox,
 * with a cache, and the C++ precompiled header.
 *
 * The source is written by the judge into a fresh host directory (mode
 * 0777 inside the root-only <cache>/tmp) bound read-write at /box; the
 * compiler runs there in a box with the language's compile limits, its
 * output (stdout and stderr together) captured and capped for the user.
 * The artifact is read back without following links (O_NOFOLLOW, a
 * regular file, a size cap) and copied into a root-owned cache entry
 * <cache>/bin/<sha256>/, which the run binds read-only at /prog. The
 * compile directory is then removed with sandbox_rmtree_at().
 *
 * The cache key is the SHA-256 of the language's row, the caller's
 * key_extra (the harness version), the precompiled header's key when one
 * is used, and every file compiled: the same source compiled before is
 * taken from the cache. Only successes are cached.
 */
#ifndef GAVEL_JUDGE_COMPILE_H
#define GAVEL_JUDGE_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "judge/judge.h"
#include "judge/lang.h"

/* A file put beside the source in the compile directory. */
struct compile_file {
	const char *name; /* plain file name, no '/' */
	const char *data;
	size_t	    len;
};

struct compile_request {
	const struct lang	  *lang;
	const char		  *source; /* written as lang->source */
	size_t			   source_len;
	const char *source_name; /* or as this, NULL: lang->source; the
				    compile argv's lang->source becomes it */
	const struct compile_file *extra; /* headers, ...; may be NULL */
	size_t			   nextra;
	const char		  *key_extra; /* mixed into the key, or NULL */
	/*
	 * The precompiled header: pch_files (the header named
	 * lang->pch_header first, then what it includes) or NULL for none.
	 * When it cannot be built, the compile goes on without it.
	 */
	const struct compile_file *pch_files;
	size_t			   npch_files;
	bool skip_check; /* no artifact and no compile run: only keep the
			    files (the harness checks the syntax itself) */
};

struct compile_result {
	enum verdict verdict;  /* AC (compiled), CE, IE */
	char	    *dir;      /* AC: the cache entry, bind it at /prog */
	char	    *output;   /* compiler output (capped), or NULL */
	char	    *message;  /* CE/IE reason for people, or NULL */
	uint32_t     cpu_ms;   /* of the compile box; 0 when cached */
	uint32_t     wall_ms;  /* whole compile step, as the judge saw it */
	bool	     cached;   /* taken from the cache */
	bool	     used_pch; /* compiled with the precompiled header */
};

/*
 * Compile. Returns 0 with *res filled (whatever the verdict), -1 only on
 * bad arguments. The caller frees *res with compile_result_free().
 */
int  compile_run(const struct compile_request *req,
     struct compile_result *res);
void compile_result_free(struct compile_result *res);

/*
 * Build (once; later calls find it in the cache) the precompiled header of
 * lang from files, in the sandbox. Returns the host directory holding the
 * header files and <header>.gch (caller owns), or NULL when the language
 * has no pch or the build failed (logged). *built_ms, when not NULL, gets
 * the build's wall time, 0 when it was cached.
 */
char *compile_pch(const struct lang *lang, const struct compile_file *files,
    size_t nfiles, uint32_t *built_ms);

/*
 * A fresh scratch directory <cache>/tmp/<prefix>XXXXXX (inside the
 * root-only tmp/) with the given mode, for files a box may see (mode
 * 0777 for a box to write into). Returns its absolute path (caller owns)
 * or NULL with errno. Remove it with compile_tmpdir_remove().
 */
char *compile_tmpdir(const char *prefix, mode_t mode);

/* Remove a directory from compile_tmpdir() without following links. */
void compile_tmpdir_remove(const char *path);

/*
 * The hex SHA-256 (65 bytes with the NUL) of the concatenation of parts,
 * each length-prefixed. For cache keys.
 */
void compile_hash(const char *const *parts, const size_t *lens, size_t n,
    char hex[65]);

#endif
