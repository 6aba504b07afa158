/*
 * judge/problem.h -- load a problem: Gavel's format or a Kattis package.
 *
 * Gavel's format (docs/problem-format.md): problem.json, tests/sample and
 * tests/secret. Kattis / ICPC packages: problem.yaml, data/sample and
 * data/secret (recursively, in lexicographic order), output_validators/
 * (or output_validator/), limits from problem.yaml, .timelimit or
 * domjudge-problem.ini. Only the few YAML keys the judge needs are read,
 * by a small reader of block mappings (yaml.c).
 *
 * A problem directory is trusted (the jury's), but never executed by
 * the host: checkers run in the sandbox.
 */
#ifndef GAVEL_JUDGE_PROBLEM_H
#define GAVEL_JUDGE_PROBLEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum problem_kind {
	PROBLEM_FUNCTION, /* LeetCode style: class Solution, a harness */
	PROBLEM_STDIO,	  /* stdin to stdout */
};

enum problem_format {
	PROBLEM_FORMAT_GAVEL,
	PROBLEM_FORMAT_KATTIS,
};

struct problem_test {
	char *name;	       /* "sample/01", "secret/g1/03" (no suffix) */
	char *input;	       /* absolute host path of the .in file */
	char *answer;	       /* absolute host path of the .ans file */
	char *validator_flags; /* testdata.yaml override, or NULL */
	bool  sample;
};

struct problem {
	char		   *dir;   /* absolute path */
	char		   *slug;  /* the directory's name */
	char		   *title; /* or the slug */
	enum problem_kind   kind;
	enum problem_format format;
	char		   *signature;	   /* function: metaData JSON text */
	char		   *compare_mode;  /* function: exact, float, ... */
	double		    tolerance;	   /* float mode; 0: default */
	char		   *validator_flags; /* default validator flags */
	char		   *checker_dir;   /* dir holding the checker files */
	char		   *checker_main;  /* the checker's main file name */
	uint32_t	    time_ms;	   /* CPU per test; 0: none given */
	uint64_t	    memory_kb;
	uint64_t	    output_kb;	   /* output cap per test */
	struct problem_test *tests;
	size_t		     ntests;
	size_t		     nsamples; /* the first nsamples are samples */
};

/* Defaults when a problem says nothing. */
#define PROBLEM_DEFAULT_TIME_MS	       2000u
#define PROBLEM_KATTIS_DEFAULT_TIME_MS 1000u /* legacy: no absolute limit */
#define PROBLEM_DEFAULT_MEMORY_MB      256u
#define PROBLEM_KATTIS_MEMORY_MB       2048u
#define PROBLEM_DEFAULT_OUTPUT_MB      8u

/*
 * Load the problem at dir. Returns 0 with *out owned by the caller (free
 * with problem_free()), or -1 with a reason in err: unreadable, neither
 * format, malformed metadata, a test without its answer, an interactive
 * package (not supported).
 */
int  problem_load(const char *dir, struct problem **out, char *err,
     size_t errlen);
void problem_free(struct problem *p);

/*
 * Resolve what the user typed: an existing directory, or a catalog slug
 * looked up under catalog (letters, digits, '-', '_' only). Returns the
 * directory (caller owns) or NULL.
 */
char *problem_resolve(const char *what, const char *catalog);

#endif
