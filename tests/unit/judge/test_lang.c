/*
 * tests/unit/judge/test_lang.c -- the language table (judge/lang.c): the
 * shipped etc/languages.json and malformed tables.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "judge/lang.h"

#ifndef LANGUAGES_JSON
#error "LANGUAGES_JSON must name etc/languages.json"
#endif

static struct lang_table *
load_text(const char *text, char *err, size_t errlen)
{
	char		   path[] = "/tmp/test_lang_XXXXXX";
	int		   fd = mkstemp(path);
	struct lang_table *t = NULL;

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	if (lang_table_load(path, &t, err, errlen) < 0)
		t = NULL;
	unlink(path);
	return t;
}

Test(lang, shipped_table_has_the_three_languages)
{
	struct lang_table *t;
	char		   err[256];
	const struct lang *py, *cpp, *c;

	cr_assert_eq(lang_table_load(LANGUAGES_JSON, &t, err, sizeof(err)), 0,
	    "%s", err);
	py = lang_find(t, "python3");
	cpp = lang_find(t, "cpp");
	c = lang_find(t, "c");
	cr_assert_not_null(py);
	cr_assert_not_null(cpp);
	cr_assert_not_null(c);
	cr_assert_str_eq(py->run[0], "/usr/bin/python3");
	cr_assert_null(py->artifact);
	cr_assert_str_eq(cpp->artifact, "main");
	cr_assert_str_eq(cpp->monaco, "cpp");
	cr_assert_not_null(cpp->pch_header);
	cr_assert_str_eq(py->harness, "driver");
	cr_assert_str_eq(cpp->harness, "cpp");
	cr_assert_null(c->harness);
	cr_assert(cpp->time_multiplier > 0);
	cr_assert(cpp->compile_cpu_ms > 0 && cpp->compile_memory_mb > 0);
	lang_table_free(t);
}

Test(lang, by_file_name)
{
	struct lang_table *t;
	char		   err[256];

	cr_assert_eq(lang_table_load(LANGUAGES_JSON, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(lang_for_file(t, "sol.py")->id, "python3");
	cr_assert_str_eq(lang_for_file(t, "dir.x/a.cpp")->id, "cpp");
	cr_assert_str_eq(lang_for_file(t, "a.cc")->id, "cpp");
	cr_assert_str_eq(lang_for_file(t, "main.c")->id, "c");
	cr_assert_null(lang_for_file(t, "README"));
	cr_assert_null(lang_for_file(t, "a.rs"));
	cr_assert_null(lang_for_file(t, "x.py/README"));
	cr_assert_null(lang_find(t, "cobol"));
	lang_table_free(t);
}

Test(lang, pch_placeholder_expands)
{
	struct lang_table *t;
	char		   err[256], **with, **without;
	size_t		   i;
	bool		   inc = false;

	cr_assert_eq(lang_table_load(LANGUAGES_JSON, &t, err, sizeof(err)), 0);
	with = lang_compile_argv(lang_find(t, "cpp"), true);
	without = lang_compile_argv(lang_find(t, "cpp"), false);
	for (i = 0; with[i] != NULL; i++) {
		cr_assert_str_neq(with[i], "{pch}");
		if (strcmp(with[i], "-include") == 0)
			inc = true;
	}
	cr_assert(inc);
	for (i = 0; without[i] != NULL; i++) {
		cr_assert_str_neq(without[i], "{pch}");
		cr_assert_str_neq(without[i], "-include");
	}
	lang_argv_free(with);
	lang_argv_free(without);
	lang_table_free(t);
}

Test(lang, a_new_language_is_a_row)
{
	char		   err[256];
	struct lang_table *t = load_text(
	    "{\"languages\":[{\"id\":\"rust\",\"source\":\"main.rs\","
	    "\"extensions\":[\"rs\"],\"compile\":[\"rustc\",\"-O\",\"main.rs\"],"
	    "\"artifact\":\"main\",\"run\":[\"/prog/main\"],"
	    "\"time_multiplier\":1.5}]}",
	    err, sizeof(err));

	cr_assert_not_null(t, "%s", err);
	cr_assert_str_eq(lang_for_file(t, "x.rs")->id, "rust");
	cr_assert_float_eq(lang_find(t, "rust")->time_multiplier, 1.5, 1e-9);
	cr_assert_eq(lang_find(t, "rust")->compile_cpu_ms, 10000);
	cr_assert_str_eq(lang_find(t, "rust")->name, "rust");
	lang_table_free(t);
}

Test(lang, malformed_tables_are_refused)
{
	static const char *const bad[] = {
		"not json",
		"{\"languages\":3}",
		"{\"languages\":[{\"source\":\"a.py\",\"run\":[\"x\"]}]}",
		"{\"languages\":[{\"id\":\"x\",\"run\":[\"x\"]}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"a\"}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"../a\",\"run\":[\"x\"]}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"a\",\"run\":[1]}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"a\",\"run\":[\"x\"],"
		"\"artifact\":\"b\"}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"a\",\"run\":[\"x\"],"
		"\"time_multiplier\":0}]}",
		"{\"languages\":[{\"id\":\"x\",\"source\":\"a\",\"run\":[\"x\"]},"
		"{\"id\":\"x\",\"source\":\"b\",\"run\":[\"y\"]}]}",
	};
	size_t i;
	char   err[256];

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		cr_assert_null(load_text(bad[i], err, sizeof(err)), "%s",
		    bad[i]);
		cr_assert(err[0] != '\0');
	}
}
