/*
 * cli/run_opts.c -- option parsing and report of `gavel run`; see
 * run_opts.h.
 */
#include "cli/run_opts.h"

#include "util/parse.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char run_usage[] =
    "usage: gavel run [OPTIONS] -- PROGRAM [ARGS...]\n"
    "\n"
    "Runs PROGRAM in a fresh sandbox and reports what happened. Exits 0\n"
    "whenever the sandbox worked, whatever the program did.\n"
    "\n"
    "  -t, --time SEC          CPU time limit, all threads (default 2)\n"
    "  -w, --wall SEC          wall-clock limit (default 2*time+1)\n"
    "  -m, --memory MB         memory limit, swap off (default 128)\n"
    "  -p, --pids N            processes and threads (default 64)\n"
    "  -f, --fsize KB          largest file written (default 65536)\n"
    "      --stdout-max BYTES  stdout cap (default 64 MiB)\n"
    "      --stderr-max BYTES  stderr cap (default 64 MiB)\n"
    "      --tmpfs KB          size of /box, /tmp, /dev/shm (default 65536)\n"
    "      --inodes N          inodes of each of those (default 4096)\n"
    "  -i, --stdin FILE        the program's stdin (default /dev/null)\n"
    "  -o, --stdout FILE       write its stdout to FILE (default: ours)\n"
    "  -e, --stderr FILE       write its stderr to FILE (default: ours)\n"
    "  -d, --dir HOST=INSIDE[:rw]  bind a host directory (read-only\n"
    "                          unless :rw); repeatable\n"
    "  -c, --cwd DIR           working directory inside (default /box)\n"
    "  -E, --env VAR=VALUE     add to the environment (default: PATH,\n"
    "                          HOME=/box, LANG=C.UTF-8 only)\n"
    "  -r, --report FILE       write the JSON report to FILE ('-': our\n"
    "                          stdout, with --stdout FILE only)\n"
    "  -h, --help              this text\n";

enum {
	OPT_STDOUT_MAX = 256,
	OPT_STDERR_MAX,
	OPT_TMPFS,
	OPT_INODES,
};

static const struct option longopts[] = {
	{ "time", required_argument, NULL, 't' },
	{ "wall", required_argument, NULL, 'w' },
	{ "memory", required_argument, NULL, 'm' },
	{ "pids", required_argument, NULL, 'p' },
	{ "fsize", required_argument, NULL, 'f' },
	{ "stdout-max", required_argument, NULL, OPT_STDOUT_MAX },
	{ "stderr-max", required_argument, NULL, OPT_STDERR_MAX },
	{ "tmpfs", required_argument, NULL, OPT_TMPFS },
	{ "inodes", required_argument, NULL, OPT_INODES },
	{ "stdin", required_argument, NULL, 'i' },
	{ "stdout", required_argument, NULL, 'o' },
	{ "stderr", required_argument, NULL, 'e' },
	{ "dir", required_argument, NULL, 'd' },
	{ "cwd", required_argument, NULL, 'c' },
	{ "env", required_argument, NULL, 'E' },
	{ "report", required_argument, NULL, 'r' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int
parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char		  *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
parse_bind(char *arg, struct sandbox_bind *b)
{
	char *eq = strchr(arg, '=');
	char *colon;

	if (eq == NULL)
		return -1;
	*eq = '\0';
	b->host = arg;
	b->inside = eq + 1;
	b->rw = false;
	colon = strrchr(eq + 1, ':');
	if (colon != NULL) {
		if (strcmp(colon, ":rw") == 0)
			b->rw = true;
		else if (strcmp(colon, ":ro") != 0)
			return -1;
		*colon = '\0';
	}
	if (b->host[0] != '/' || b->inside[0] != '/' ||
	    strstr(b->inside, "..") != NULL)
		return -1;
	return 0;
}

int
run_opts_parse(int argc, char **argv, struct run_opts *o, char *err,
    size_t errlen)
{
	int	 c;
	uint64_t v;

	memset(o, 0, sizeof(*o));
	sandbox_limits_default(&o->limits);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+t:w:m:p:f:i:o:e:d:c:E:r:h",
		    longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (parse_seconds_ms(optarg, 86400, &o->limits.cpu_ms) < 0)
				goto bad_value;
			break;
		case 'w':
			if (parse_seconds_ms(optarg, 86400, &o->limits.wall_ms) < 0)
				goto bad_value;
			break;
		case 'm':
			if (parse_u64(optarg, 4, 1u << 20, &v) < 0)
				goto bad_value;
			o->limits.memory_kb = v * 1024;
			break;
		case 'p':
			if (parse_u64(optarg, 1, 1u << 16, &v) < 0)
				goto bad_value;
			o->limits.pids = (uint32_t)v;
			break;
		case 'f':
			if (parse_u64(optarg, 1, 1ull << 32, &v) < 0)
				goto bad_value;
			o->limits.fsize_kb = v;
			break;
		case OPT_STDOUT_MAX:
			if (parse_u64(optarg, 1, UINT64_MAX / 2, &v) < 0)
				goto bad_value;
			o->limits.stdout_max = v;
			break;
		case OPT_STDERR_MAX:
			if (parse_u64(optarg, 1, UINT64_MAX / 2, &v) < 0)
				goto bad_value;
			o->limits.stderr_max = v;
			break;
		case OPT_TMPFS:
			if (parse_u64(optarg, 64, 1ull << 30, &v) < 0)
				goto bad_value;
			o->limits.tmpfs_kb = v;
			break;
		case OPT_INODES:
			if (parse_u64(optarg, 16, 1u << 24, &v) < 0)
				goto bad_value;
			o->limits.inodes = (uint32_t)v;
			break;
		case 'i':
			o->stdin_path = optarg;
			break;
		case 'o':
			o->stdout_path = optarg;
			break;
		case 'e':
			o->stderr_path = optarg;
			break;
		case 'd':
			if (o->nbinds == sizeof(o->binds) / sizeof(o->binds[0])) {
				snprintf(err, errlen, "too many --dir options");
				return -1;
			}
			if (parse_bind(optarg, &o->binds[o->nbinds]) < 0) {
				snprintf(err, errlen,
				    "--dir wants HOST=INSIDE[:rw] with absolute "
				    "paths and no '..'");
				return -1;
			}
			o->nbinds++;
			break;
		case 'c':
			if (optarg[0] != '/') {
				snprintf(err, errlen, "--cwd wants an absolute "
						      "path inside the box");
				return -1;
			}
			o->cwd = optarg;
			break;
		case 'E':
			if (strchr(optarg, '=') == NULL || optarg[0] == '=') {
				snprintf(err, errlen, "--env wants VAR=VALUE");
				return -1;
			}
			if (o->nenv == RUN_MAX_ENV) {
				snprintf(err, errlen, "too many --env options");
				return -1;
			}
			o->env[o->nenv++] = optarg;
			break;
		case 'r':
			o->report_path = optarg;
			break;
		case 'h':
			o->help = 1;
			return 0;
		default:
			if (optopt != 0 && optopt < 256)
				snprintf(err, errlen, "unknown option -%c or "
				    "missing value", optopt);
			else
				snprintf(err, errlen, "unknown option %s or "
				    "missing value", argv[optind - 1]);
			return -1;
		}
	}
	if (o->report_path != NULL && strcmp(o->report_path, "-") == 0 &&
	    o->stdout_path == NULL) {
		/* Else the program could print a report of its own first. */
		snprintf(err, errlen, "--report - needs --stdout FILE: the "
				      "report must not mix with the program's "
				      "output");
		return -1;
	}
	if (optind >= argc) {
		snprintf(err, errlen, "no program given (gavel run [OPTIONS] "
				      "-- PROGRAM [ARGS...])");
		return -1;
	}
	o->argv = argv + optind;
	return 0;

bad_value:
	{
		const struct option *lo = longopts;

		while (lo->name != NULL && lo->val != c)
			lo++;
		snprintf(err, errlen, "bad value '%s' for --%s", optarg,
		    lo->name != NULL ? lo->name : "?");
	}
	return -1;
}

char *
run_report_json(const struct sandbox_result *res)
{
	json_t *o = json_object();
	char   *s, *out;

	json_object_set_new(o, "status",
	    json_string(sandbox_status_name(res->status)));
	json_object_set_new(o, "exit_code", json_integer(res->exit_code));
	json_object_set_new(o, "signal", json_integer(res->signal));
	json_object_set_new(o, "cpu_ms", json_integer(res->cpu_ms));
	json_object_set_new(o, "wall_ms", json_integer(res->wall_ms));
	json_object_set_new(o, "memory_kb", json_integer((json_int_t)res->memory_kb));
	json_object_set_new(o, "message", json_string(res->message));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		return NULL;
	if (asprintf(&out, "%s\n", s) < 0)
		out = NULL;
	free(s);
	return out;
}
