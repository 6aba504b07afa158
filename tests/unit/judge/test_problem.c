/*
 * tests/unit/judge/test_problem.c -- loading problems (judge/problem.c):
 * Gavel's format, Kattis packages (limits from problem.yaml, .timelimit,
 * domjudge-problem.ini; recursive sorted test data; validators), and the
 * small YAML reader (judge/yaml.c).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/problem.h"
#include "judge/yaml.h"
#include "util/xalloc.h"

#ifndef PROBLEMS_DIR
#error "PROBLEMS_DIR must name tests/integration/judge/problems"
#endif

/*** Fixtures: a scratch package ***/

static char scratch[64];

static void
mk(const char *rel, const char *text)
{
	char  path[512], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", scratch, rel);
	for (slash = strchr(path + strlen(scratch) + 1, '/'); slash != NULL;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static void
setup(void)
{
	strcpy(scratch, "/tmp/test_problem_XXXXXX");
	cr_assert_not_null(mkdtemp(scratch));
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", scratch);
}

static struct problem *
load_ok(const char *dir)
{
	struct problem *p = NULL;
	char		err[512];

	cr_assert_eq(problem_load(dir, &p, err, sizeof(err)), 0, "%s", err);
	return p;
}

static void
load_fails(const char *dir, const char *want)
{
	struct problem *p = NULL;
	char		err[512] = "";

	cr_assert_eq(problem_load(dir, &p, err, sizeof(err)), -1);
	cr_assert_null(p);
	cr_assert_not_null(strstr(err, want), "error '%s' lacks '%s'", err,
	    want);
}

/*** YAML ***/

Test(yaml, nested_keys_quotes_comments)
{
	const char *text = "# a package\n"
			   "name: 'A ''quoted'' name'\n"
			   "validation: custom   # with a comment\n"
			   "limits:\n"
			   "  memory: 512\n"
			   "  time_multiplier: 3\n"
			   "  inner:\n"
			   "    deep: \"x # not a comment\"\n"
			   "keywords:\n"
			   "  - a\n"
			   "  - b\n"
			   "validator_flags: float_tolerance 1e-6\n"
			   "url: http://x/#frag\n";
	struct yaml_doc *y = yaml_parse(text, strlen(text));

	cr_assert_str_eq(yaml_get(y, "name"), "A 'quoted' name");
	cr_assert_str_eq(yaml_get(y, "validation"), "custom");
	cr_assert_str_eq(yaml_get(y, "limits.memory"), "512");
	cr_assert_str_eq(yaml_get(y, "limits.time_multiplier"), "3");
	cr_assert_str_eq(yaml_get(y, "limits.inner.deep"), "x # not a comment");
	cr_assert_str_eq(yaml_get(y, "limits"), "");
	cr_assert_str_eq(yaml_get(y, "validator_flags"), "float_tolerance 1e-6");
	cr_assert_str_eq(yaml_get(y, "url"), "http://x/#frag");
	cr_assert_null(yaml_get(y, "memory"));
	cr_assert_null(yaml_get(y, "keywords.a"));
	yaml_free(y);
}

Test(yaml, garbage_never_crashes)
{
	const char	*text = ":\n:::\n  - [\n\"unterminated: x\n\t\tkey: v\n";
	struct yaml_doc *y = yaml_parse(text, strlen(text));

	yaml_free(y);
	y = yaml_parse("", 0);
	cr_assert_null(yaml_get(y, "x"));
	yaml_free(y);
	yaml_free(NULL);
}

/*** Gavel's format ***/

Test(problem, gavel_stdio)
{
	struct problem *p = load_ok(PROBLEMS_DIR "/sum-stdio");

	cr_assert_eq(p->format, PROBLEM_FORMAT_GAVEL);
	cr_assert_eq(p->kind, PROBLEM_STDIO);
	cr_assert_str_eq(p->slug, "sum-stdio");
	cr_assert_eq(p->time_ms, 1000);
	cr_assert_eq(p->memory_kb, 64 * 1024);
	cr_assert_eq(p->output_kb, 1024);
	cr_assert_str_eq(p->validator_flags, "float_tolerance 1e-6");
	cr_assert_null(p->checker_dir);
	cr_assert_eq(p->ntests, 4);
	cr_assert_eq(p->nsamples, 1);
	cr_assert_str_eq(p->tests[0].name, "sample/01");
	cr_assert(p->tests[0].sample);
	cr_assert_str_eq(p->tests[1].name, "secret/01");
	cr_assert_not_null(strstr(p->tests[3].answer, "secret/03.ans"));
	problem_free(p);
}

Test(problem, gavel_function_and_checker)
{
	struct problem *p = load_ok(PROBLEMS_DIR "/fn-add");

	cr_assert_eq(p->kind, PROBLEM_FUNCTION);
	cr_assert_not_null(strstr(p->signature, "\"addTwo\""));
	cr_assert_str_eq(p->compare_mode, "exact");
	problem_free(p);

	p = load_ok(PROBLEMS_DIR "/split-checker");
	cr_assert_str_eq(p->checker_main, "checker.py");
	cr_assert_not_null(p->checker_dir);
	problem_free(p);
}

Test(problem, gavel_defaults_and_errors, .init = setup, .fini = teardown)
{
	struct problem *p;

	mk("problem.json", "{\"kind\": \"stdio\"}");
	mk("tests/secret/b.in", "1");
	mk("tests/secret/b.ans", "1");
	mk("tests/secret/a.in", "1");
	mk("tests/secret/a.ans", "1");
	p = load_ok(scratch);
	cr_assert_eq(p->time_ms, PROBLEM_DEFAULT_TIME_MS);
	cr_assert_eq(p->memory_kb, PROBLEM_DEFAULT_MEMORY_MB * 1024);
	cr_assert_str_eq(p->tests[0].name, "secret/a");
	cr_assert_str_eq(p->title, p->slug);
	problem_free(p);

	mk("tests/secret/c.in", "1");
	load_fails(scratch, "no answer file");
	unlink(strcat(strcpy((char[128]){ 0 }, scratch),
	    "/tests/secret/c.in"));

	mk("problem.json", "{\"kind\": \"function\"}");
	load_fails(scratch, "no signature");
	mk("problem.json", "{\"kind\": \"quantum\"}");
	load_fails(scratch, "unknown kind");
	mk("problem.json", "{\"kind\": \"stdio\", \"checker\": \"../x\"}");
	load_fails(scratch, "bad checker");
	mk("problem.json", "{\"kind\": \"stdio\", \"checker\": \"nope.py\"}");
	load_fails(scratch, "missing");
	mk("problem.json", "[1, 2");
	load_fails(scratch, "problem.json");
}

Test(problem, not_a_problem)
{
	load_fails("/nonexistent/dir", "not a problem directory");
	load_fails("/tmp", "neither problem.json nor problem.yaml");
}

/*** Kattis packages ***/

Test(problem, kattis_package)
{
	struct problem *p = load_ok(PROBLEMS_DIR "/kattis-hello");

	cr_assert_eq(p->format, PROBLEM_FORMAT_KATTIS);
	cr_assert_eq(p->kind, PROBLEM_STDIO);
	cr_assert_str_eq(p->title, "Split (Kattis package)");
	cr_assert_eq(p->time_ms, 1000); /* .timelimit */
	cr_assert_eq(p->memory_kb, 128 * 1024);
	cr_assert_eq(p->output_kb, 1024);
	cr_assert_eq(p->ntests, 3);
	cr_assert_eq(p->nsamples, 1);
	cr_assert_str_eq(p->tests[0].name, "sample/1");
	cr_assert_str_eq(p->tests[1].name, "secret/group1/a");
	cr_assert_str_eq(p->tests[2].name, "secret/group2/b");
	cr_assert_str_eq(p->checker_main, "validator.cpp");
	cr_assert_not_null(strstr(p->checker_dir, "output_validators/pairs"));
	problem_free(p);
}

Test(problem, kattis_legacy_has_no_time_limit, .init = setup,
    .fini = teardown)
{
	struct problem *p;

	mk("problem.yaml", "name: x\nvalidator_flags: case_sensitive\n");
	mk("data/secret/1.in", "");
	mk("data/secret/1.ans", "");
	p = load_ok(scratch);
	cr_assert_eq(p->time_ms, 0);
	cr_assert_eq(p->memory_kb, PROBLEM_KATTIS_MEMORY_MB * 1024);
	cr_assert_str_eq(p->validator_flags, "case_sensitive");
	cr_assert_null(p->checker_dir);
	cr_assert_eq(p->nsamples, 0);
	problem_free(p);
}

Test(problem, kattis_time_sources, .init = setup, .fini = teardown)
{
	struct problem *p;

	mk("problem.yaml", "name: x\n");
	mk("data/secret/1.in", "");
	mk("data/secret/1.ans", "");
	mk("domjudge-problem.ini", "probid = 'A'\ntimelimit = '2.5'\n");
	p = load_ok(scratch);
	cr_assert_eq(p->time_ms, 2500);
	problem_free(p);

	mk(".timelimit", "3\n");
	p = load_ok(scratch);
	cr_assert_eq(p->time_ms, 3000); /* .timelimit before the ini */
	problem_free(p);

	mk("problem.yaml", "name: x\nlimits:\n  time_limit: 0.5\n");
	p = load_ok(scratch);
	cr_assert_eq(p->time_ms, 500); /* problem.yaml first */
	problem_free(p);
}

Test(problem, kattis_sorted_recursive_with_flags, .init = setup,
    .fini = teardown)
{
	struct problem *p;

	mk("problem.yaml", "name:\n  en: English name\n");
	mk("data/sample/2.in", "");
	mk("data/sample/2.ans", "");
	mk("data/sample/10.in", "");
	mk("data/sample/10.ans", "");
	mk("data/secret/b/1.in", "");
	mk("data/secret/b/1.ans", "");
	mk("data/secret/a.in", "");
	mk("data/secret/a.ans", "");
	mk("data/secret/c.in", "");
	mk("data/secret/c.ans", "");
	mk("data/secret/b/testdata.yaml",
	    "output_validator_flags: float_tolerance 1e-3\n");
	mk("data/secret/notes.txt", "ignored");
	p = load_ok(scratch);
	cr_assert_str_eq(p->title, "English name");
	cr_assert_eq(p->ntests, 5);
	cr_assert_str_eq(p->tests[0].name, "sample/10"); /* strcmp order */
	cr_assert_str_eq(p->tests[1].name, "sample/2");
	cr_assert_str_eq(p->tests[2].name, "secret/a");
	cr_assert_str_eq(p->tests[3].name, "secret/b/1");
	cr_assert_str_eq(p->tests[4].name, "secret/c");
	cr_assert_str_eq(p->tests[3].validator_flags, "float_tolerance 1e-3");
	cr_assert_null(p->tests[2].validator_flags);
	cr_assert_null(p->tests[4].validator_flags);
	problem_free(p);
}

Test(problem, kattis_validators, .init = setup, .fini = teardown)
{
	struct problem *p;

	mk("problem.yaml", "validation: custom\n");
	mk("data/secret/1.in", "");
	mk("data/secret/1.ans", "");
	load_fails(scratch, "no output validator");
	mk("output_validators/v/check", "#!/usr/bin/python3\nexit(42)\n");
	p = load_ok(scratch);
	cr_assert_str_eq(p->checker_main, "check");
	problem_free(p);
	mk("output_validators/v/v.py", "exit(42)\n");
	p = load_ok(scratch);
	cr_assert_str_eq(p->checker_main, "v.py");
	problem_free(p);
	mk("output_validators/v/v.c", "int main(void) { return 42; }\n");
	p = load_ok(scratch);
	cr_assert_str_eq(p->checker_main, "v.c");
	problem_free(p);
	mk("problem.yaml", "validation: custom interactive\n");
	load_fails(scratch, "interactive");
}

Test(problem, no_tests, .init = setup, .fini = teardown)
{
	mk("problem.yaml", "name: x\n");
	load_fails(scratch, "no tests");
}

Test(problem, resolve)
{
	char *d;

	d = problem_resolve("sum-stdio", PROBLEMS_DIR);
	cr_assert_not_null(d);
	cr_assert_not_null(strstr(d, "/sum-stdio"));
	free(d);
	d = problem_resolve(PROBLEMS_DIR "/fn-add", NULL);
	cr_assert_not_null(d);
	free(d);
	/* Not a directory here, and not a slug: never joined to the catalog. */
	cr_assert_null(problem_resolve("nodir/../sum-stdio", PROBLEMS_DIR));
	cr_assert_null(problem_resolve("no-such-problem", PROBLEMS_DIR));
	cr_assert_null(problem_resolve("", PROBLEMS_DIR));
	cr_assert_null(problem_resolve(NULL, PROBLEMS_DIR));
}
