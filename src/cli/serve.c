/*
 * cli/serve.c -- `gavel serve`: flags and environment variables into a
 * server_config, then server_run(). Built into the gavel-serve module with
 * the server and its libraries (see cli/serve_loader.c).
 *
 * One table row per option (flag, environment variable, kind, bounds,
 * field): a flag beats its environment variable, which beats the default.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "server/server.h"
#include "util/log.h"

enum opt_kind {
	OPT_STR,
	OPT_INT,  /* int */
	OPT_I64,  /* int64_t */
	OPT_PORT, /* uint16_t */
	OPT_KB,	  /* size_t, given in KiB */
	OPT_MB,	  /* size_t, given in MiB */
	OPT_FLAG, /* int, 1 when given (takes no value; env: 1 or 0) */
	OPT_PROXY, /* struct proxies; repeatable, each value a list */
};

struct opt {
	const char   *flag; /* long option name */
	const char   *env;
	enum opt_kind kind;
	long long     min, max;
	size_t	      off; /* in struct server_config */
	const char   *help; /* NULL: not in --help (for tests) */
};

#define F(field) offsetof(struct server_config, field)

static const struct opt opts[] = {
	{ "bind", "GAVEL_BIND", OPT_STR, 0, 0, F(bind),
	    "address to listen on (127.0.0.1)" },
	{ "port", "GAVEL_PORT", OPT_PORT, 0, 65535, F(port),
	    "TCP port, 0 for any free one (8080)" },
	{ "db", "GAVEL_DB", OPT_STR, 0, 0, F(db_path),
	    "SQLite database file (gavel.db)" },
	{ "problems", "GAVEL_PROBLEMS", OPT_STR, 0, 0, F(problems_dir),
	    "the problem catalog (<source>/problems)" },
	{ "authored", "GAVEL_AUTHORED", OPT_STR, 0, 0, F(authored_dir),
	    "problems written by admins (<db dir>/authored)" },
	{ "web", "GAVEL_WEB", OPT_STR, 0, 0, F(web_dir),
	    "the built web UI (<source>/web/dist)" },
	{ "workers", "GAVEL_WORKERS", OPT_INT, 1, 256, F(workers),
	    "judging threads (one per core)" },
	{ "max-queue", "GAVEL_MAX_QUEUE", OPT_I64, 1, 100000000, F(max_queue),
	    "queued submissions before 429 (1000)" },
	{ "max-per-client", "GAVEL_MAX_PER_CLIENT", OPT_I64, 1, 100000000,
	    F(max_per_client),
	    "unfinished submissions of one address before 429 (200)" },
	{ "max-client-runs", "GAVEL_MAX_CLIENT_RUNS", OPT_INT, 1, 1000,
	    F(max_client_runs), "concurrent runs of one address (4)" },
	{ "max-runs", "GAVEL_MAX_RUNS", OPT_INT, 1, 1000, F(max_runs),
	    "concurrent runs in all (2 x workers)" },
	{ "max-code-kb", "GAVEL_MAX_CODE_KB", OPT_KB, 1, 16384, F(max_code),
	    "largest code accepted, KiB (64)" },
	{ "max-input-kb", "GAVEL_MAX_INPUT_KB", OPT_KB, 1, 16384,
	    F(max_input), "largest custom input, KiB (64)" },
	{ "max-upload-mb", "GAVEL_MAX_UPLOAD_MB", OPT_MB, 1, 1024,
	    F(max_upload), "largest admin upload (problem, package), MiB (32)" },
	{ "max-connections", "GAVEL_MAX_CONNECTIONS", OPT_INT, 1, 65536,
	    F(max_connections), "open connections (512)" },
	{ "max-per-ip", "GAVEL_MAX_PER_IP", OPT_INT, 1, 65536, F(max_per_ip),
	    "open connections from one address (128)" },
	{ "trusted-proxy", "GAVEL_TRUSTED_PROXY", OPT_PROXY, 0, 0, F(trusted),
	    "ADDR[/PREFIX]: a reverse proxy whose X-Forwarded-For names the "
	    "client (repeatable; none)" },
	{ "timeout", "GAVEL_TIMEOUT", OPT_INT, 1, 3600, F(timeout_s),
	    "seconds before an idle connection is closed (30)" },
	{ "rescan", "GAVEL_RESCAN", OPT_INT, 0, 86400, F(rescan_s),
	    "seconds between catalog re-syncs, 0 never (10)" },
	{ "session-days", "GAVEL_SESSION_DAYS", OPT_INT, 1, 3650,
	    F(session_days), "days a login lasts (14)" },
	{ "session-ttl-seconds", "GAVEL_SESSION_TTL_SECONDS", OPT_INT, 1,
	    315360000, F(session_ttl_s), NULL },
	{ "secure-cookies", "GAVEL_SECURE_COOKIES", OPT_FLAG, 0, 1,
	    F(secure_cookies),
	    "mark the session cookie Secure (served over HTTPS)" },
	{ "no-register", "GAVEL_NO_REGISTER", OPT_FLAG, 0, 1, F(no_register),
	    "refuse sign-ups: accounts come from `gavel user add`" },
	{ "rate-runs", "GAVEL_RATE_RUNS", OPT_INT, 0, 100000, F(rate_runs),
	    "runs per user a minute, 0 no limit (30)" },
	{ "rate-submissions", "GAVEL_RATE_SUBMISSIONS", OPT_INT, 0, 100000,
	    F(rate_submissions), "submissions per user a minute, 0 no limit (10)" },
	{ "pwhash-cost", "GAVEL_PWHASH_COST", OPT_STR, 0, 0, F(pwhash_cost),
	    "Argon2id cost of new password hashes: interactive, moderate, "
	    "or min (weak: for tests only) (interactive)" },
};

#define NOPTS (sizeof(opts) / sizeof(opts[0]))

static void
usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: gavel serve [OPTIONS]\n\n"
		     "Serve the API, the web UI and judging in one process.\n\n");
	for (i = 0; i < NOPTS; i++)
		if (opts[i].help != NULL)
			fprintf(out, "  --%-16s %-22s %s\n", opts[i].flag,
			    opts[i].env, opts[i].help);
	fprintf(out, "  -n, --check                               check the "
		     "configuration and the database, then exit\n"
		     "  -v, --verbose                             debug logging\n");
}

/*
 * Add the trusted proxies listed in val (separated by commas or blanks)
 * to p. 0, or -1 with a message printed.
 */
static int
add_proxies(struct proxies *p, const char *val, const char *from)
{
	const char *sep = ", \t", *why;
	char	    one[128];
	size_t	    n;

	if (val[strspn(val, sep)] == '\0') {
		fprintf(stderr, "gavel serve: %s is empty\n", from);
		return -1;
	}
	for (val += strspn(val, sep); *val != '\0'; val += strspn(val, sep)) {
		n = strcspn(val, sep);
		snprintf(one, sizeof(one), "%.*s", (int)n, val);
		if (n >= sizeof(one) || proxies_add(p, one, &why) != 0) {
			fprintf(stderr, "gavel serve: %s: '%.*s': %s\n", from,
			    (int)n, val,
			    n >= sizeof(one) ? "too long" : why);
			return -1;
		}
		val += n;
	}
	return 0;
}

/* Set one option from text. 0, or -1 with a message printed. */
static int
set_opt(struct server_config *cfg, const struct opt *o, const char *val,
    const char *from)
{
	char	 *base = (char *)cfg + o->off;
	char	 *end;
	long long n;

	if (o->kind == OPT_FLAG) {
		if (strcmp(val, "1") != 0 && strcmp(val, "0") != 0) {
			fprintf(stderr, "gavel serve: %s: '%s' is not 1 or 0\n",
			    from, val);
			return -1;
		}
		*(int *)(void *)base = val[0] == '1';
		return 0;
	}
	if (o->kind == OPT_PROXY)
		return add_proxies((struct proxies *)(void *)base, val, from);
	if (o->kind == OPT_STR) {
		if (val[0] == '\0') {
			fprintf(stderr, "gavel serve: %s is empty\n", from);
			return -1;
		}
		*(const char **)(void *)base = val;
		return 0;
	}
	errno = 0;
	n = strtoll(val, &end, 10);
	if (errno != 0 || end == val || *end != '\0' || n < o->min ||
	    n > o->max) {
		fprintf(stderr,
		    "gavel serve: %s: '%s' is not an integer from %lld to "
		    "%lld\n",
		    from, val, o->min, o->max);
		return -1;
	}
	switch (o->kind) {
	case OPT_INT:
		*(int *)(void *)base = (int)n;
		break;
	case OPT_I64:
		*(int64_t *)(void *)base = (int64_t)n;
		break;
	case OPT_PORT:
		*(uint16_t *)(void *)base = (uint16_t)n;
		break;
	case OPT_KB:
		*(size_t *)(void *)base = (size_t)n * 1024;
		break;
	case OPT_MB:
		*(size_t *)(void *)base = (size_t)n << 20;
		break;
	case OPT_STR:
	case OPT_FLAG:
	case OPT_PROXY:
		break;
	}
	return 0;
}

/* The module's entry point, found by cli/serve_loader.c with dlsym(). */
__attribute__((visibility("default"))) int
gavel_serve_main(int argc, char **argv)
{
	struct server_config cfg;
	struct option	     lopts[NOPTS + 4];
	size_t		     i;
	int		     c, idx, check = 0;
	bool		     proxy_flag = false;

	server_config_defaults(&cfg);
	for (i = 0; i < NOPTS; i++) {
		const char *v = getenv(opts[i].env);

		if (v != NULL && set_opt(&cfg, &opts[i], v, opts[i].env) != 0)
			return 2;
	}
	memset(lopts, 0, sizeof(lopts));
	for (i = 0; i < NOPTS; i++) {
		lopts[i].name = opts[i].flag;
		lopts[i].has_arg = opts[i].kind == OPT_FLAG ? no_argument
							    : required_argument;
		lopts[i].val = 1000 + (int)i;
	}
	lopts[NOPTS] = (struct option){ "help", no_argument, NULL, 'h' };
	lopts[NOPTS + 1] = (struct option){ "check", no_argument, NULL, 'n' };
	lopts[NOPTS + 2] = (struct option){ "verbose", no_argument, NULL, 'v' };
	while ((c = getopt_long(argc, argv, "hnv", lopts, &idx)) != -1) {
		if (c >= 1000 && c < 1000 + (int)NOPTS) {
			char from[64];

			snprintf(from, sizeof(from), "--%s",
			    opts[c - 1000].flag);
			/* The flags replace GAVEL_TRUSTED_PROXY's list. */
			if (opts[c - 1000].kind == OPT_PROXY && !proxy_flag) {
				cfg.trusted.n = 0;
				proxy_flag = true;
			}
			if (set_opt(&cfg, &opts[c - 1000],
				opts[c - 1000].kind == OPT_FLAG ? "1" : optarg,
				from) != 0)
				return 2;
		} else if (c == 'h') {
			usage(stdout);
			return 0;
		} else if (c == 'n') {
			check = 1;
		} else if (c == 'v') {
			log_set_level(LOG_LEVEL_DEBUG);
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "gavel serve: unexpected argument '%s'\n",
		    argv[optind]);
		return 2;
	}
	if (check)
		return server_check(&cfg) == 0 ? 0 : 1;
	return server_run(&cfg);
}
