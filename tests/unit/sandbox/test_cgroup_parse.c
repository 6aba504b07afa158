/*
 * Parsing of cgroup v1 and v2 files, against samples of what the kernel
 * writes (no root needed).
 */
#include <criterion/criterion.h>

#include "sandbox/cgroup.h"

static const char v2_cpu_stat[] = "usage_usec 123456\n"
				  "user_usec 100000\n"
				  "system_usec 23456\n"
				  "core_sched.force_idle_usec 0\n"
				  "nr_periods 0\n"
				  "nr_throttled 0\n"
				  "throttled_usec 0\n";

static const char v2_memory_events[] = "low 0\n"
				       "high 0\n"
				       "max 12\n"
				       "oom 1\n"
				       "oom_kill 1\n"
				       "oom_group_kill 1\n";

static const char v1_oom_control[] = "oom_kill_disable 0\n"
				     "under_oom 0\n"
				     "oom_kill 0\n";

Test(cgroup_parse, v2_cpu_stat_usage)
{
	uint64_t v = 0;

	cr_assert_eq(cg_parse_keyed(v2_cpu_stat, "usage_usec", &v), 0);
	cr_assert_eq(v, 123456);
	cr_assert_eq(cg_parse_keyed(v2_cpu_stat, "system_usec", &v), 0);
	cr_assert_eq(v, 23456);
}

Test(cgroup_parse, key_must_match_whole_word)
{
	uint64_t v = 0;

	/* "oom" must not match "oom_kill", nor "oom_kill" "oom_group_kill". */
	cr_assert_eq(cg_parse_keyed(v2_memory_events, "oom", &v), 0);
	cr_assert_eq(v, 1);
	cr_assert_eq(cg_parse_keyed(v2_memory_events, "oom_kill", &v), 0);
	cr_assert_eq(v, 1);
	cr_assert_eq(cg_parse_keyed(v2_memory_events, "max", &v), 0);
	cr_assert_eq(v, 12);
	cr_assert_eq(cg_parse_keyed(v2_memory_events, "kill", &v), -1);
}

Test(cgroup_parse, v1_oom_control)
{
	uint64_t v = 99;

	cr_assert_eq(cg_parse_keyed(v1_oom_control, "oom_kill", &v), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(cg_parse_keyed(v1_oom_control, "under_oom", &v), 0);
	cr_assert_eq(v, 0);
}

Test(cgroup_parse, missing_key_and_last_line_without_newline)
{
	uint64_t v = 0;

	cr_assert_eq(cg_parse_keyed("a 1\nb 2", "b", &v), 0);
	cr_assert_eq(v, 2);
	cr_assert_eq(cg_parse_keyed("a 1\nb 2\n", "c", &v), -1);
	cr_assert_eq(cg_parse_keyed("", "a", &v), -1);
	cr_assert_eq(cg_parse_keyed("a x\n", "a", &v), -1);
}

Test(cgroup_parse, single_numbers)
{
	uint64_t v = 0;

	cr_assert_eq(cg_parse_u64("7244358\n", &v), 0); /* cpuacct.usage */
	cr_assert_eq(v, 7244358);
	cr_assert_eq(cg_parse_u64("18446744073709551615\n", &v), 0);
	cr_assert_eq(v, UINT64_MAX);
	cr_assert_eq(cg_parse_u64("max\n", &v), -1); /* memory.max */
	cr_assert_eq(cg_parse_u64("12 34\n", &v), -1);
	cr_assert_eq(cg_parse_u64("-1\n", &v), -1);
	cr_assert_eq(cg_parse_u64("18446744073709551616\n", &v), -1);
}
