/*
 * cli/run_opts.h -- the options of `gavel run` and its JSON report, kept
 * apart from the command so they can be unit-tested without root.
 */
#ifndef GAVEL_CLI_RUN_OPTS_H
#define GAVEL_CLI_RUN_OPTS_H

#include <stddef.h>

#include "sandbox/sandbox.h"

#define RUN_MAX_ENV 64

struct run_opts {
	struct sandbox_limits limits;
	const char	     *stdin_path;  /* NULL: /dev/null */
	const char	     *stdout_path; /* NULL: our stdout */
	const char	     *stderr_path; /* NULL: our stderr */
	const char	     *report_path; /* NULL: a summary line on stderr */
	const char	     *cwd;
	struct sandbox_bind   binds[32];
	size_t		      nbinds;
	const char	     *env[RUN_MAX_ENV + 1]; /* NULL-terminated */
	size_t		      nenv;
	char *const	     *argv; /* the program and its arguments */
	int		      help;
};

/*
 * Parse argv (argv[0] is "run"). Fills *o; strings point into argv, which
 * is modified (the '=' and ':' of --dir). Returns 0, or -1 with a message
 * in err.
 */
int run_opts_parse(int argc, char **argv, struct run_opts *o, char *err,
    size_t errlen);

/* The report as one JSON object and a newline. Caller frees. */
char *run_report_json(const struct sandbox_result *res);

extern const char run_usage[];

#endif
