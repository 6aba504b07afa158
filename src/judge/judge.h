/*
 * judge/judge.h -- turn a source file and a problem into a verdict.
 *
 * The contract between the judge (src/judge/) and its callers (the `gavel
 * judge` command and the server). The judge compiles the source once in a
 * sandbox, runs it on the problem's tests in sandboxes, compares outputs
 * outside the sandbox, and reports per test and overall. It never blames
 * the user for its own failure: that is VERDICT_IE.
 */
#ifndef GAVEL_JUDGE_JUDGE_H
#define GAVEL_JUDGE_JUDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum verdict {
	VERDICT_AC,  /* accepted */
	VERDICT_WA,  /* wrong answer */
	VERDICT_TLE, /* CPU time (or the wall-clock safety net) passed */
	VERDICT_MLE, /* the cgroup OOM killer ended it */
	VERDICT_RE,  /* non-zero exit, fatal signal, uncaught exception */
	VERDICT_CE,  /* the compiler rejected the source */
	VERDICT_OLE, /* output limit */
	VERDICT_IE,  /* the judge failed, not the submission */
};

/* "AC", "WA", ... Never NULL. */
const char *verdict_name(enum verdict v);

/* One test's outcome. */
struct judge_test_result {
	enum verdict verdict;
	uint32_t     cpu_ms;
	uint32_t     wall_ms;
	uint64_t     memory_kb;
	char	    *output;   /* what the program answered (capped), or NULL */
	char	    *stdout_;  /* the user's own prints (capped), or NULL */
	char	    *message;  /* RE/WA detail (tail of stderr...), or NULL */
};

struct judge_report {
	enum verdict		  verdict;     /* overall */
	int			  first_failed; /* 0-based test index, -1 none */
	uint32_t		  max_cpu_ms;
	uint64_t		  max_memory_kb;
	size_t			  ntests;      /* tests run (may be < total) */
	size_t			  total_tests; /* tests the problem has */
	struct judge_test_result *tests;
	char			 *compile_output; /* capped, or NULL */
	char			 *message;	  /* human text, or NULL */
	/* Appended later; zero when not known. */
	uint32_t run_cpu_ms;	  /* CPU of the submission's boxes, all */
	uint32_t run_wall_ms;	  /* wall time of those boxes, all */
	uint32_t compile_wall_ms; /* the compile step, as the judge saw it */
	bool	 compile_cached;  /* the compile came from the cache */
	bool	 compile_pch;	  /* compiled with the precompiled header */
};

/* Progress events, for live updates (the server's SSE). */
enum judge_event {
	JUDGE_EVENT_COMPILING,
	JUDGE_EVENT_RUNNING, /* index, total set; before each test */
	JUDGE_EVENT_TEST_DONE, /* index, total, result set */
};

typedef void (*judge_progress_fn)(void *arg, enum judge_event ev,
    size_t index, size_t total, const struct judge_test_result *result);

/* An input the caller supplies instead of the problem's tests (Run). */
struct judge_case {
	const char *input;  /* the .in text */
	const char *answer; /* expected, or NULL (custom input: no verdict
			       beyond RE/TLE/MLE; AC means it ran) */
};

struct judge_request {
	const char	  *problem_dir; /* a problem directory or Kattis package */
	const char	  *language;	 /* language id: "python3", "cpp", "c" */
	const char	  *source;	 /* the code */
	size_t		   source_len;
	uint32_t	   time_ms;	 /* 0: the problem's limit */
	bool		   run_all;	 /* do not stop at the first failure */
	bool		   samples_only; /* judge on tests/sample only */
	const struct judge_case *cases;	 /* when set: these instead */
	size_t		   ncases;
	judge_progress_fn  progress;	 /* optional */
	void		  *progress_arg;
};

/*
 * Judge one submission. Returns 0 with *rep filled (whatever the verdict,
 * IE included), -1 only on bad arguments (unknown language, unreadable
 * problem) with a reason in rep->message. The caller owns *rep; free it
 * with judge_report_free().
 */
int  judge_run(const struct judge_request *req, struct judge_report *rep);
void judge_report_free(struct judge_report *rep);

#endif
