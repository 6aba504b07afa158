/*
 * tests/unit/judge/test_harness.c -- judge/harness.c: signature checks,
 * LeetCode-to-C++ types, the generated translation unit and the stdin.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <jansson.h>

#include "judge/harness.h"

static json_t *
sig_of(const char *text)
{
	json_error_t e;
	json_t	    *j = json_loads(text, 0, &e);

	cr_assert_not_null(j, "bad test JSON: %s", e.text);
	return j;
}

static const char *two_sum =
    "{\"name\":\"twoSum\",\"params\":[{\"name\":\"nums\",\"type\":"
    "\"integer[]\"},{\"name\":\"target\",\"type\":\"integer\"}],"
    "\"return\":{\"type\":\"integer[]\"}}";

static const char *two_sum_src =
    "class Solution {\npublic:\n"
    "    vector<int> twoSum(vector<int>& nums, int target) {\n"
    "        return {0, 1};\n    }\n};";

Test(harness_cpp_type, base_and_containers)
{
	static const struct {
		const char *lc, *cpp;
	} cases[] = {
		{ "integer", "int" },
		{ "long", "long long" },
		{ "double", "double" },
		{ "boolean", "bool" },
		{ "character", "char" },
		{ "string", "std::string" },
		{ "ListNode", "ListNode *" },
		{ "TreeNode", "TreeNode *" },
		{ "integer[]", "std::vector<int>" },
		{ "character[][]", "std::vector<std::vector<char>>" },
		{ "list<list<integer>>", "std::vector<std::vector<int>>" },
		{ "list<string>", "std::vector<std::string>" },
		{ "list<integer[]>", "std::vector<std::vector<int>>" },
		{ "ListNode[]", "std::vector<ListNode *>" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *t = harness_cpp_type(cases[i].lc);

		cr_assert_not_null(t, "%s", cases[i].lc);
		cr_expect_str_eq(t, cases[i].cpp, "%s", cases[i].lc);
		free(t);
	}
}

Test(harness_cpp_type, unsupported)
{
	static const char *bad[] = { "Node", "NestedInteger", "void", "",
				     "integer[", "list<integer", "list<>",
				     "[]", "integer[][][][][][]", NULL };

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		cr_expect_null(harness_cpp_type(bad[i]), "%s", bad[i]);
}

Test(harness_cpp_source, two_sum_calls_the_method_with_named_args)
{
	json_t *sig = sig_of(two_sum);
	char   *err = NULL, *tu;
	size_t	len;

	tu = harness_cpp_source(sig, two_sum_src, strlen(two_sum_src), &len,
				&err);
	cr_assert_not_null(tu, "%s", err);
	cr_assert_null(err);
	cr_expect_eq(strlen(tu), len);
	/* The precompiled header first, then the user's code verbatim. */
	cr_expect_eq(strncmp(tu, "#include \"gavel_pch.hpp\"\n", 25), 0);
	cr_expect_not_null(strstr(tu, "#line 1 \"solution.cpp\"\nclass Solution"));
	cr_expect_not_null(strstr(tu, "std::vector<int> gavel_a0{};"));
	cr_expect_not_null(strstr(tu, "int gavel_a1{};"));
	cr_expect_not_null(strstr(tu, "gavel_lc::arg(gavel_a1);"));
	cr_expect_not_null(strstr(tu, "new Solution()"));
	cr_expect_not_null(strstr(tu, "gavel_s->twoSum(gavel_a0, gavel_a1)"));
	cr_expect_not_null(strstr(tu, "gavel_lc::answer(gavel_o,"));
	cr_expect_null(strstr(tu, "answer_inplace"));
	/* The user's last line has no newline: main must still start on a
	 * line of its own. */
	cr_expect_not_null(strstr(tu, "};\n"));
	free(tu);
	json_decref(sig);
}

Test(harness_cpp_source, in_place_passes_the_argument)
{
	json_t *sig = sig_of("{\"name\":\"removeDuplicates\",\"params\":"
			     "[{\"name\":\"nums\",\"type\":\"integer[]\"}],"
			     "\"return\":{\"type\":\"integer\"},"
			     "\"output\":{\"paramindex\":0}}");
	char   *err = NULL, *tu;
	size_t	len;

	tu = harness_cpp_source(sig, "", 0, &len, &err);
	cr_assert_not_null(tu, "%s", err);
	cr_expect_not_null(strstr(tu, "gavel_lc::answer_inplace(gavel_o,"));
	cr_expect_not_null(strstr(tu, "}, gavel_a0);"));
	free(tu);
	json_decref(sig);
}

Test(harness_cpp_source, unsupported_type_is_an_error)
{
	json_t *sig = sig_of("{\"name\":\"cloneGraph\",\"params\":"
			     "[{\"name\":\"node\",\"type\":\"Node\"}],"
			     "\"return\":{\"type\":\"Node\"}}");
	char   *err = NULL;
	size_t	len = 99;

	cr_expect_null(harness_cpp_source(sig, "x", 1, &len, &err));
	cr_assert_not_null(err);
	cr_expect_not_null(strstr(err, "unsupported type \"Node\""), "%s", err);
	cr_expect_eq(len, 0);
	free(err);
	json_decref(sig);
}

Test(harness_signature_check, rejects)
{
	static const char *bad[] = {
		"[]",
		"{\"params\":[]}",
		"{\"name\":\"a b\",\"params\":[]}",
		"{\"name\":\"f\"}",
		"{\"name\":\"f\",\"params\":[{\"name\":\"x\"}]}",
		"{\"name\":\"f\",\"params\":[],\"return\":{\"type\":\"Node\"}}",
		"{\"name\":\"f\",\"params\":[{\"name\":\"x\",\"type\":"
		"\"integer\"}],\"output\":{\"paramindex\":1}}",
		"{\"classname\":\"LRUCache\",\"constructor\":{\"params\":[]},"
		"\"methods\":[]}",
		"{\"classname\":\"A\",\"methods\":[{\"name\":\"f\","
		"\"params\":[{\"name\":\"x\",\"type\":\"Node\"}]}]}",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		json_t *sig = sig_of(bad[i]);
		char   *err = NULL;

		cr_expect_eq(harness_signature_check(sig, &err), -1, "%s",
			     bad[i]);
		cr_expect_not_null(err, "%s", bad[i]);
		free(err);
		json_decref(sig);
	}
}

Test(harness_signature_check, accepts_void_and_missing_return)
{
	json_t *sig = sig_of("{\"name\":\"rotate\",\"params\":[{\"name\":"
			     "\"m\",\"type\":\"integer[][]\"}],\"return\":"
			     "{\"type\":\"void\"},\"output\":{\"paramindex\":0}}");
	char   *err = NULL;

	cr_expect_eq(harness_signature_check(sig, &err), 0, "%s", err);
	json_decref(sig);
	sig = sig_of("{\"name\":\"f\",\"params\":[]}");
	cr_expect_eq(harness_signature_check(sig, &err), 0, "%s", err);
	json_decref(sig);
}

Test(harness_stdin, header_then_one_line_per_parameter)
{
	json_t	   *sig = sig_of(two_sum);
	const char *ins[] = { "[2,7,11,15]\n9\n", "  [3,2,4]\r\n\n 6" };
	char	   *err = NULL, *out, *line2;
	size_t	    len;

	out = harness_stdin(sig, ins, 2, &len, &err);
	cr_assert_not_null(out, "%s", err);
	line2 = strchr(out, '\n');
	cr_assert_not_null(line2);
	cr_expect_str_eq(line2 + 1, "2\n[2,7,11,15]\n9\n[3,2,4]\n6\n");
	/* Line 1 is the signature, compact, on one line. */
	cr_expect_eq(strncmp(out, "{\"name\":\"twoSum\",", 17), 0);
	cr_expect_eq(len, strlen(out));
	free(out);
	json_decref(sig);
}

Test(harness_stdin, wrong_number_of_lines_is_an_error)
{
	json_t	   *sig = sig_of(two_sum);
	const char *ins[] = { "[2,7,11,15]\n9\n", "[3,2,4]\n" };
	char	   *err = NULL;
	size_t	    len;

	cr_expect_null(harness_stdin(sig, ins, 2, &len, &err));
	cr_assert_not_null(err);
	cr_expect_not_null(strstr(err, "test 2"), "%s", err);
	free(err);
	json_decref(sig);
}

Test(harness_cpp_source, design_dispatches_each_call)
{
	json_t *sig = sig_of(
	    "{\"classname\":\"LRUCache\",\"constructor\":{\"params\":"
	    "[{\"type\":\"integer\",\"name\":\"capacity\"}]},\"methods\":"
	    "[{\"params\":[{\"type\":\"integer\",\"name\":\"key\"}],"
	    "\"name\":\"get\",\"return\":{\"type\":\"integer\"}},"
	    "{\"params\":[{\"type\":\"integer\",\"name\":\"key\"},"
	    "{\"type\":\"integer\",\"name\":\"value\"}],\"name\":\"put\","
	    "\"return\":{\"type\":\"void\"}}],\"systemdesign\":true}");
	const char *ins[] = { "[\"LRUCache\",\"get\"]\n[[2],[1]]\n" };
	char	   *err = NULL, *tu, *in;
	size_t	    len;

	tu = harness_cpp_source(sig, "", 0, &len, &err);
	cr_assert_not_null(tu, "%s", err);
	cr_expect_not_null(strstr(tu, "gavel_obj.reset(new LRUCache(gavel_a0));"));
	cr_expect_not_null(strstr(tu, "gavel_d.name == \"get\""));
	cr_expect_not_null(strstr(tu, "return gavel_obj->get(gavel_a0);"));
	/* A void method answers null. */
	cr_expect_not_null(strstr(tu, "gavel_obj->put(gavel_a0, gavel_a1);\n"
				      "\t\t\t\t\tgavel_o += \"null\";"));
	free(tu);
	/* Two lines per test. */
	in = harness_stdin(sig, ins, 1, &len, &err);
	cr_assert_not_null(in, "%s", err);
	cr_expect_not_null(strstr(in, "\n1\n[\"LRUCache\",\"get\"]\n[[2],[1]]\n"));
	free(in);
	json_decref(sig);
}
