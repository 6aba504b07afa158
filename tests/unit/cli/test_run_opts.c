/*
 * `gavel run` option parsing and its JSON report (no root needed).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run_opts.h"

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])) - 1)

Test(run_opts, defaults_are_the_seeds)
{
	char		*argv[] = { "run", "--", "/bin/true", NULL };
	struct run_opts	 o;
	char		 err[256];

	cr_assert_eq(run_opts_parse(ARGC(argv), argv, &o, err, sizeof(err)), 0);
	cr_assert_eq(o.limits.cpu_ms, 2000);
	cr_assert_eq(o.limits.memory_kb, 128 * 1024);
	cr_assert_eq(o.limits.pids, 64);
	cr_assert_str_eq(o.argv[0], "/bin/true");
	cr_assert_null(o.argv[1]);
	cr_assert_null(o.stdin_path);
	cr_assert_eq(o.nbinds, 0);
	cr_assert_eq(o.nenv, 0);
}

Test(run_opts, every_option)
{
	char *argv[] = { "run", "--time", "1.5", "--wall", "3", "--memory",
		"256", "--pids", "8", "--fsize", "100", "--stdout-max", "10",
		"--stderr-max", "20", "--tmpfs", "1024", "--inodes", "99",
		"--stdin", "in.txt", "--stdout", "out.txt", "--stderr",
		"err.txt", "--dir", (char[]){ "/data=/d" }, "--dir",
		(char[]){ "/w=/work:rw" }, "--cwd", "/work", "--env", "A=1", "-E",
		"B=2", "--report", "r.json", "--", "prog", "-x", "y", NULL };
	struct run_opts o;
	char		err[256];

	cr_assert_eq(run_opts_parse(ARGC(argv), argv, &o, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(o.limits.cpu_ms, 1500);
	cr_assert_eq(o.limits.wall_ms, 3000);
	cr_assert_eq(o.limits.memory_kb, 256 * 1024);
	cr_assert_eq(o.limits.pids, 8);
	cr_assert_eq(o.limits.fsize_kb, 100);
	cr_assert_eq(o.limits.stdout_max, 10);
	cr_assert_eq(o.limits.stderr_max, 20);
	cr_assert_eq(o.limits.tmpfs_kb, 1024);
	cr_assert_eq(o.limits.inodes, 99);
	cr_assert_str_eq(o.stdin_path, "in.txt");
	cr_assert_str_eq(o.stdout_path, "out.txt");
	cr_assert_str_eq(o.stderr_path, "err.txt");
	cr_assert_eq(o.nbinds, 2);
	cr_assert_str_eq(o.binds[0].host, "/data");
	cr_assert_str_eq(o.binds[0].inside, "/d");
	cr_assert_not(o.binds[0].rw);
	cr_assert_str_eq(o.binds[1].host, "/w");
	cr_assert_str_eq(o.binds[1].inside, "/work");
	cr_assert(o.binds[1].rw);
	cr_assert_str_eq(o.cwd, "/work");
	cr_assert_eq(o.nenv, 2);
	cr_assert_str_eq(o.env[1], "B=2");
	cr_assert_str_eq(o.report_path, "r.json");
	cr_assert_str_eq(o.argv[0], "prog");
	cr_assert_str_eq(o.argv[1], "-x");
	cr_assert_str_eq(o.argv[2], "y");
}

Test(run_opts, program_options_are_not_ours)
{
	/* Options after the program belong to it, even without "--". */
	char	       *argv[] = { "run", "-t", "1", "ls", "-t", NULL };
	struct run_opts o;
	char		err[256];

	cr_assert_eq(run_opts_parse(ARGC(argv), argv, &o, err, sizeof(err)), 0);
	cr_assert_str_eq(o.argv[0], "ls");
	cr_assert_str_eq(o.argv[1], "-t");
}

static void
expect_error(char **argv, int argc, const char *needle)
{
	struct run_opts o;
	char		err[256] = "";

	cr_assert_eq(run_opts_parse(argc, argv, &o, err, sizeof(err)), -1,
	    "accepted %s", argv[1]);
	cr_assert(strstr(err, needle) != NULL, "message '%s' lacks '%s'", err,
	    needle);
}

Test(run_opts, bad_values_are_refused_with_a_reason)
{
	char *a1[] = { "run", "--time", "abc", "--", "x", NULL };
	char *a2[] = { "run", "--time", "-1", "--", "x", NULL };
	char *a3[] = { "run", "--memory", "0", "--", "x", NULL };
	char *a4[] = { "run", "--memory", "12x", "--", "x", NULL };
	char *a5[] = { "run", "--pids", "99999999999", "--", "x", NULL };
	char *a6[] = { "run", "--dir", (char[]){ "relative=/x" }, "--", "x", NULL };
	char *a7[] = { "run", "--dir", (char[]){ "/a=/b/../c" }, "--", "x", NULL };
	char *a8[] = { "run", "--dir", (char[]){ "/a" }, "--", "x", NULL };
	char *a9[] = { "run", "--dir", (char[]){ "/a=/b:rx" }, "--", "x", NULL };
	char *a10[] = { "run", "--env", "NOEQUALS", "--", "x", NULL };
	char *a11[] = { "run", "--cwd", "box", "--", "x", NULL };
	char *a12[] = { "run", "--bogus", "--", "x", NULL };
	char *a13[] = { "run", "--time", "1", NULL };
	char *a14[] = { "run", "--time", "nan", "--", "x", NULL };
	char *a15[] = { "run", "--report", "-", "--", "x", NULL };

	expect_error(a1, ARGC(a1), "bad value 'abc' for --time");
	expect_error(a2, ARGC(a2), "bad value");
	expect_error(a3, ARGC(a3), "bad value");
	expect_error(a4, ARGC(a4), "bad value");
	expect_error(a5, ARGC(a5), "bad value");
	expect_error(a6, ARGC(a6), "--dir");
	expect_error(a7, ARGC(a7), "--dir");
	expect_error(a8, ARGC(a8), "--dir");
	expect_error(a9, ARGC(a9), "--dir");
	expect_error(a10, ARGC(a10), "--env");
	expect_error(a11, ARGC(a11), "--cwd");
	expect_error(a12, ARGC(a12), "unknown option");
	expect_error(a13, ARGC(a13), "no program");
	expect_error(a14, ARGC(a14), "bad value");
	expect_error(a15, ARGC(a15), "--stdout FILE");
}

Test(run_opts, report_has_every_field)
{
	struct sandbox_result r;
	json_t		     *o;
	json_error_t	      e;
	char		     *s;

	memset(&r, 0, sizeof(r));
	r.status = SANDBOX_MEMORY_LIMIT;
	r.signal = 9;
	r.cpu_ms = 12;
	r.wall_ms = 34;
	r.memory_kb = 65536;
	strcpy(r.message, "quote \" and\nnewline");
	s = run_report_json(&r);
	cr_assert_not_null(s);
	cr_assert_eq(s[strlen(s) - 1], '\n');
	o = json_loads(s, 0, &e);
	cr_assert_not_null(o, "%s: %s", s, e.text);
	cr_assert_str_eq(json_string_value(json_object_get(o, "status")),
	    "memory_limit");
	cr_assert_eq(json_integer_value(json_object_get(o, "exit_code")), 0);
	cr_assert_eq(json_integer_value(json_object_get(o, "signal")), 9);
	cr_assert_eq(json_integer_value(json_object_get(o, "cpu_ms")), 12);
	cr_assert_eq(json_integer_value(json_object_get(o, "wall_ms")), 34);
	cr_assert_eq(json_integer_value(json_object_get(o, "memory_kb")), 65536);
	cr_assert_str_eq(json_string_value(json_object_get(o, "message")),
	    "quote \" and\nnewline");
	json_decref(o);
	free(s);
}

Test(run_opts, status_names)
{
	cr_assert_str_eq(sandbox_status_name(SANDBOX_OK), "ok");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_EXITED), "exited");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_SIGNALED), "signaled");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_TIME_LIMIT), "time_limit");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_WALL_LIMIT), "wall_limit");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_MEMORY_LIMIT),
	    "memory_limit");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_OUTPUT_LIMIT),
	    "output_limit");
	cr_assert_str_eq(sandbox_status_name(SANDBOX_ERROR), "sandbox_error");
}
