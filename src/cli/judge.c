/*
 * cli/judge.c -- `gavel judge PROBLEM SOURCE [--lang ID] [--time SEC]
 * [--json] [--all] [--samples]`: judge one source file on one problem and
 * print the verdict. Exit 0 whatever the verdict; 1 when it could not
 * judge (bad arguments, unknown language or problem); 2 on usage errors.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "judge/fsutil.h"
#include "judge/judge.h"
#include "judge/lang.h"
#include "judge/paths.h"
#include "judge/problem.h"
#include "util/parse.h"
#include "util/xalloc.h"

#define SOURCE_MAX (1u << 20)

static void
judge_usage(FILE *out)
{
	fprintf(out,
	    "usage: gavel judge PROBLEM SOURCE [--lang ID] [--time SEC] "
	    "[--json] [--all] [--samples]\n"
	    "                   [--input FILE [--answer FILE]]\n"
	    "\n"
	    "PROBLEM is a problem directory (Gavel's format or a Kattis "
	    "package) or a\n"
	    "catalog slug (looked up in $GAVEL_PROBLEMS). The language comes "
	    "from the\n"
	    "file name unless --lang is given. --time overrides the time "
	    "limit per test\n"
	    "(seconds), --all runs every test past the first failure, "
	    "--samples runs the\n"
	    "samples only, --json prints one JSON object. --input runs the "
	    "program on that\n"
	    "input alone (a function problem's: one JSON value per line per "
	    "parameter),\n"
	    "judged against --answer if given, and prints what it answered.\n");
}

/* Progress lines on stderr, for people watching a long judge. */
static void
progress(void *arg, enum judge_event ev, size_t index, size_t total,
    const struct judge_test_result *r)
{
	(void)arg;
	if (ev == JUDGE_EVENT_COMPILING)
		fprintf(stderr, "compiling...\n");
	else if (ev == JUDGE_EVENT_TEST_DONE && r != NULL)
		fprintf(stderr, "test %zu/%zu: %s\n", index + 1, total,
		    verdict_name(r->verdict));
}

static void
print_json(const struct judge_report *rep)
{
	json_t *o = json_object(), *tests = json_array();
	char   *s;
	size_t	i;

	json_object_set_new(o, "verdict",
	    json_string(verdict_name(rep->verdict)));
	for (i = 0; i < rep->ntests; i++) {
		const struct judge_test_result *t = &rep->tests[i];
		json_t			       *jt = json_object();

		json_object_set_new(jt, "verdict",
		    json_string(verdict_name(t->verdict)));
		json_object_set_new(jt, "cpu_ms", json_integer(t->cpu_ms));
		json_object_set_new(jt, "wall_ms", json_integer(t->wall_ms));
		json_object_set_new(jt, "memory_kb",
		    json_integer((json_int_t)t->memory_kb));
		if (t->message != NULL)
			json_object_set_new(jt, "message",
			    json_string(t->message));
		if (t->output != NULL)
			json_object_set_new(jt, "output",
			    json_string(t->output));
		if (t->stdout_ != NULL)
			json_object_set_new(jt, "stdout",
			    json_string(t->stdout_));
		json_array_append_new(tests, jt);
	}
	json_object_set_new(o, "tests", tests);
	json_object_set_new(o, "first_failed",
	    json_integer(rep->first_failed));
	json_object_set_new(o, "total_tests",
	    json_integer((json_int_t)rep->total_tests));
	json_object_set_new(o, "max_cpu_ms", json_integer(rep->max_cpu_ms));
	json_object_set_new(o, "max_memory_kb",
	    json_integer((json_int_t)rep->max_memory_kb));
	json_object_set_new(o, "run_cpu_ms", json_integer(rep->run_cpu_ms));
	json_object_set_new(o, "run_wall_ms", json_integer(rep->run_wall_ms));
	json_object_set_new(o, "compile_ms",
	    json_integer(rep->compile_wall_ms));
	json_object_set_new(o, "compile_cached",
	    json_boolean(rep->compile_cached));
	json_object_set_new(o, "compile_pch", json_boolean(rep->compile_pch));
	json_object_set_new(o, "compile_output",
	    rep->compile_output ? json_string(rep->compile_output) :
				  json_null());
	json_object_set_new(o, "message",
	    rep->message ? json_string(rep->message) : json_null());
	s = json_dumps(o, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	if (s != NULL)
		printf("%s\n", s);
	free(s);
	json_decref(o);
}

static void
print_human(const struct judge_report *rep, const char *problem,
    const char *lang, bool custom)
{
	size_t i;

	if (rep->compile_output != NULL && rep->verdict == VERDICT_CE)
		printf("compiler output:\n%s\n", rep->compile_output);
	for (i = 0; i < rep->ntests; i++) {
		const struct judge_test_result *t = &rep->tests[i];

		printf("test %3zu  %-3s  %5u ms  %7llu KB%s%s\n", i + 1,
		    verdict_name(t->verdict), t->cpu_ms,
		    (unsigned long long)t->memory_kb,
		    t->message ? "  " : "", t->message ? t->message : "");
		if (custom && t->stdout_ != NULL)
			printf("stdout:\n%s\n", t->stdout_);
		if (custom && t->output != NULL)
			printf("output:\n%s\n", t->output);
	}
	printf("%s: %s (%s)", problem, verdict_name(rep->verdict), lang);
	if (rep->verdict != VERDICT_CE)
		printf(", %zu/%zu tests run, max %u ms, max %llu KB",
		    rep->ntests, rep->total_tests, rep->max_cpu_ms,
		    (unsigned long long)rep->max_memory_kb);
	if (rep->first_failed >= 0)
		printf(", first failed: test %d", rep->first_failed + 1);
	printf("\n");
	if (rep->message != NULL)
		printf("%s\n", rep->message);
}

int
cmd_judge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "time", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "all", no_argument, NULL, 'a' },
		{ "samples", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "input", required_argument, NULL, 'i' },
		{ "answer", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct judge_request	 req;
	struct judge_report	 rep;
	const struct lang_table *tab;
	const struct lang	*lang = NULL;
	const char		*lang_id = NULL;
	const char		*input_path = NULL, *answer_path = NULL;
	struct judge_case	 jcase = { NULL, NULL };
	char			*input = NULL, *answer = NULL;
	char			*catalog, *dir, *src;
	size_t			 srclen;
	bool			 json = false, quiet = false;
	int			 c, rc;

	memset(&req, 0, sizeof(req));
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:t:jasqhi:A:", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'l':
			lang_id = optarg;
			break;
		case 't':
			if (parse_seconds_ms(optarg, 3600, &req.time_ms) < 0) {
				fprintf(stderr, "gavel judge: bad --time %s\n",
				    optarg);
				return 2;
			}
			break;
		case 'j':
			json = true;
			break;
		case 'a':
			req.run_all = true;
			break;
		case 's':
			req.samples_only = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'i':
			input_path = optarg;
			break;
		case 'A':
			answer_path = optarg;
			break;
		case 'h':
			judge_usage(stdout);
			return 0;
		default:
			judge_usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 2 || (answer_path != NULL && input_path == NULL)) {
		judge_usage(stderr);
		return 2;
	}
	tab = lang_table_default();
	if (tab == NULL) {
		fprintf(stderr, "gavel judge: no language table\n");
		return 1;
	}
	lang = lang_id ? lang_find(tab, lang_id) :
			 lang_for_file(tab, argv[optind + 1]);
	if (lang == NULL) {
		fprintf(stderr, "gavel judge: %s: unknown language%s\n",
		    lang_id ? lang_id : argv[optind + 1],
		    lang_id ? "" : " (use --lang)");
		return 1;
	}
	catalog = judge_problems_dir();
	dir = problem_resolve(argv[optind], catalog);
	free(catalog);
	if (dir == NULL) {
		fprintf(stderr, "gavel judge: %s: no such problem\n",
		    argv[optind]);
		return 1;
	}
	src = fs_read_file(argv[optind + 1], SOURCE_MAX, &srclen);
	if (src == NULL) {
		fprintf(stderr, "gavel judge: %s: %s\n", argv[optind + 1],
		    strerror(errno));
		free(dir);
		return 1;
	}
	if (input_path != NULL) {
		input = fs_read_file(input_path, SOURCE_MAX * 64, NULL);
		if (answer_path != NULL)
			answer = fs_read_file(answer_path, SOURCE_MAX * 64,
			    NULL);
		if (input == NULL || (answer_path != NULL && answer == NULL)) {
			fprintf(stderr, "gavel judge: %s: %s\n",
			    input == NULL ? input_path : answer_path,
			    strerror(errno));
			free(input);
			free(answer);
			free(src);
			free(dir);
			return 1;
		}
		jcase.input = input;
		jcase.answer = answer;
		req.cases = &jcase;
		req.ncases = 1;
	}
	req.problem_dir = dir;
	req.language = lang->id;
	req.source = src;
	req.source_len = srclen;
	if (!json && !quiet)
		req.progress = progress;
	rc = judge_run(&req, &rep);
	if (rc < 0) {
		fprintf(stderr, "gavel judge: %s\n",
		    rep.message ? rep.message : "cannot judge");
	} else if (json) {
		print_json(&rep);
	} else {
		print_human(&rep, argv[optind], lang->id, input_path != NULL);
	}
	judge_report_free(&rep);
	free(input);
	free(answer);
	free(src);
	free(dir);
	return rc < 0 ? 1 : 0;
}
