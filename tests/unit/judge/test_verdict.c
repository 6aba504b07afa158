/*
 * tests/unit/judge/test_verdict.c -- the pure classification of sandbox
 * results into verdicts (judge/verdict.c).
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>

#include "judge/verdict.h"

static struct sandbox_result
res(enum sandbox_status st, int code, int sig)
{
	struct sandbox_result r;

	memset(&r, 0, sizeof(r));
	r.status = st;
	r.exit_code = code;
	r.signal = sig;
	return r;
}

Test(verdict_name, every_verdict_has_its_name)
{
	cr_assert_str_eq(verdict_name(VERDICT_AC), "AC");
	cr_assert_str_eq(verdict_name(VERDICT_WA), "WA");
	cr_assert_str_eq(verdict_name(VERDICT_TLE), "TLE");
	cr_assert_str_eq(verdict_name(VERDICT_MLE), "MLE");
	cr_assert_str_eq(verdict_name(VERDICT_RE), "RE");
	cr_assert_str_eq(verdict_name(VERDICT_CE), "CE");
	cr_assert_str_eq(verdict_name(VERDICT_OLE), "OLE");
	cr_assert_str_eq(verdict_name(VERDICT_IE), "IE");
	cr_assert_str_eq(verdict_name((enum verdict)99), "IE");
}

Test(verdict_name, round_trips)
{
	int v;

	for (v = VERDICT_AC; v <= VERDICT_IE; v++)
		cr_assert_eq(verdict_from_name(verdict_name((enum verdict)v)),
		    v);
	cr_assert_eq(verdict_from_name("tle"), VERDICT_TLE);
	cr_assert_eq(verdict_from_name("XX"), -1);
	cr_assert_eq(verdict_from_name(NULL), -1);
}

Test(verdict_run, clean_exit_goes_on_to_comparison)
{
	struct sandbox_result r = res(SANDBOX_OK, 0, 0);

	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_AC);
}

Test(verdict_run, limits)
{
	struct sandbox_result r = res(SANDBOX_TIME_LIMIT, 0, SIGKILL);

	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_TLE);
	r.status = SANDBOX_WALL_LIMIT;
	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_TLE);
	r.status = SANDBOX_MEMORY_LIMIT;
	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_MLE);
	r.status = SANDBOX_OUTPUT_LIMIT;
	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_OLE);
}

Test(verdict_run, sandbox_failure_is_never_the_users)
{
	struct sandbox_result r = res(SANDBOX_ERROR, 0, 0);

	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_IE);
}

Test(verdict_run, crashes_are_re)
{
	struct sandbox_result r = res(SANDBOX_EXITED, 1, 0);

	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_RE);
	r = res(SANDBOX_SIGNALED, 0, SIGSEGV);
	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_RE);
	r = res(SANDBOX_SIGNALED, 0, SIGABRT);
	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_RE);
	/* A program that kills itself looks like nothing but a crash. */
	r = res(SANDBOX_SIGNALED, 0, SIGKILL);
	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_RE);
}

Test(verdict_run, kernel_limits_by_signal)
{
	struct sandbox_result r = res(SANDBOX_SIGNALED, 0, SIGXCPU);

	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_TLE);
	r.signal = SIGXFSZ;
	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_OLE);
}

Test(verdict_run, failed_allocation_at_the_limit_is_mle)
{
	struct sandbox_result r = res(SANDBOX_SIGNALED, 0, SIGABRT);

	r.memory_kb = 65000;
	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_MLE);
	r.memory_kb = 30000;
	cr_assert_eq(verdict_classify_run(&r, 65536), VERDICT_RE);
	/* Unknown limit: no guess. */
	r.memory_kb = 65000;
	cr_assert_eq(verdict_classify_run(&r, 0), VERDICT_RE);
}

Test(verdict_compile, outcomes)
{
	struct sandbox_result r = res(SANDBOX_OK, 0, 0);

	cr_assert_eq(verdict_classify_compile(&r, true), VERDICT_AC);
	/* Exit 0 and no binary: the judge's problem. */
	cr_assert_eq(verdict_classify_compile(&r, false), VERDICT_IE);
	r = res(SANDBOX_EXITED, 1, 0);
	cr_assert_eq(verdict_classify_compile(&r, false), VERDICT_CE);
}

Test(verdict_compile, bombs_are_ce)
{
	static const enum sandbox_status st[] = { SANDBOX_TIME_LIMIT,
		SANDBOX_WALL_LIMIT, SANDBOX_MEMORY_LIMIT,
		SANDBOX_OUTPUT_LIMIT, SANDBOX_SIGNALED };
	size_t			 i;

	for (i = 0; i < sizeof(st) / sizeof(st[0]); i++) {
		struct sandbox_result r = res(st[i], 0, SIGKILL);

		cr_assert_eq(verdict_classify_compile(&r, false), VERDICT_CE,
		    "status %d", st[i]);
	}
	{
		struct sandbox_result r = res(SANDBOX_ERROR, 0, 0);

		cr_assert_eq(verdict_classify_compile(&r, false), VERDICT_IE);
	}
}

Test(verdict_checker, kattis_exit_codes)
{
	struct sandbox_result r = res(SANDBOX_EXITED, 42, 0);

	cr_assert_eq(verdict_classify_checker(&r), VERDICT_AC);
	r.exit_code = 43;
	cr_assert_eq(verdict_classify_checker(&r), VERDICT_WA);
	r.exit_code = 1;
	cr_assert_eq(verdict_classify_checker(&r), VERDICT_IE);
	r = res(SANDBOX_OK, 0, 0);
	cr_assert_eq(verdict_classify_checker(&r), VERDICT_IE);
	r = res(SANDBOX_TIME_LIMIT, 0, SIGKILL);
	cr_assert_eq(verdict_classify_checker(&r), VERDICT_IE);
	r = res(SANDBOX_SIGNALED, 0, SIGSEGV);
	cr_assert_eq(verdict_classify_checker(&r), VERDICT_IE);
}

Test(verdict_describe, texts)
{
	char			buf[128];
	struct sandbox_result	r = res(SANDBOX_EXITED, 3, 0);

	cr_assert_str_eq(verdict_describe(&r, buf, sizeof(buf)),
	    "exit code 3");
	r = res(SANDBOX_SIGNALED, 0, SIGSEGV);
	cr_assert_str_eq(verdict_describe(&r, buf, sizeof(buf)),
	    "signal 11 (SIGSEGV)");
	r = res(SANDBOX_ERROR, 0, 0);
	strcpy(r.message, "no cgroup");
	cr_assert_str_eq(verdict_describe(&r, buf, sizeof(buf)),
	    "sandbox error: no cgroup");
	/* Never overflows. */
	cr_assert_str_eq(verdict_describe(&r, buf, 4), "san");
}

Test(verdict_overall, first_failure_wins)
{
	enum verdict v[] = { VERDICT_AC, VERDICT_AC, VERDICT_TLE, VERDICT_WA };
	int	     first;

	cr_assert_eq(verdict_overall(v, 4, &first), VERDICT_TLE);
	cr_assert_eq(first, 2);
	cr_assert_eq(verdict_overall(v, 2, &first), VERDICT_AC);
	cr_assert_eq(first, -1);
	cr_assert_eq(verdict_overall(NULL, 0, &first), VERDICT_AC);
	cr_assert_eq(first, -1);
}
