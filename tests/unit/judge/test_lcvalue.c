/*
 * tests/unit/judge/test_lcvalue.c -- LeetCode types, value parsing and
 * checking, and comparison modes (src/judge/lcvalue.c).
 */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/lcvalue.h"

/*** Helpers ***/

/* Parse JSON text that the test knows is valid. */
static json_t *
J(const char *text)
{
	char	err[160];
	json_t *v = lc_value_parse(text, strlen(text), err, sizeof(err));

	cr_assert_not_null(v, "%s: %s", text, err);
	return v;
}

/* Parse a type string that the test knows is valid. Caller frees. */
static struct lc_type *
T(const char *s)
{
	char		err[160];
	struct lc_type *t = lc_type_parse(s, err, sizeof(err));

	cr_assert_not_null(t, "%s: %s", s, err);
	return t;
}

/*
 * Compare two JSON texts under mode, type string (or NULL) and tolerance;
 * the reason goes to msg. Returns lc_compare()'s result.
 */
static int
cmp(const char *exp, const char *got, enum lc_mode mode, const char *type,
    double tol, char *msg, size_t msglen)
{
	struct lc_compare_opts o = { mode, tol, NULL };
	json_t		      *e = J(exp), *g = J(got);
	int		       rc;

	if (type != NULL)
		o.type = T(type);
	rc = lc_compare(e, g, &o, msg, msglen);
	lc_type_free((struct lc_type *)o.type);
	json_decref(e);
	json_decref(g);
	return rc;
}

static int
same(const char *exp, const char *got, enum lc_mode mode)
{
	char msg[256];

	return cmp(exp, got, mode, NULL, 0, msg, sizeof(msg));
}

/* Check a JSON text against a type string; the reason goes to err. */
static int
check(const char *text, const char *type, char *err, size_t errlen)
{
	json_t	       *v = J(text);
	struct lc_type *t = T(type);
	int		rc = lc_value_check(v, t, err, errlen);

	lc_type_free(t);
	json_decref(v);
	return rc;
}

static bool
valid(const char *text, const char *type)
{
	char err[256];

	return check(text, type, err, sizeof(err)) == 0;
}

/*** Types ***/

Test(lc_type, base_names)
{
	static const struct {
		const char  *s;
		enum lc_kind k;
	} c[] = {
		{ "integer", LC_TYPE_INTEGER }, { "long", LC_TYPE_LONG },
		{ "double", LC_TYPE_DOUBLE }, { "boolean", LC_TYPE_BOOLEAN },
		{ "character", LC_TYPE_CHARACTER },
		{ "string", LC_TYPE_STRING }, { "ListNode", LC_TYPE_LISTNODE },
		{ "TreeNode", LC_TYPE_TREENODE }, { "void", LC_TYPE_VOID },
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct lc_type *t = T(c[i].s);

		cr_expect_eq(t->kind, c[i].k, "%s", c[i].s);
		cr_expect_null(t->elem);
		lc_type_free(t);
	}
}

Test(lc_type, arrays_and_lists)
{
	struct lc_type *t;

	t = T("integer[][]");
	cr_assert_eq(t->kind, LC_TYPE_LIST);
	cr_assert_not(t->list_syntax);
	cr_assert_eq(t->elem->kind, LC_TYPE_LIST);
	cr_assert_eq(t->elem->elem->kind, LC_TYPE_INTEGER);
	lc_type_free(t);

	t = T("list<list<string>>");
	cr_assert_eq(t->kind, LC_TYPE_LIST);
	cr_assert(t->list_syntax);
	cr_assert_eq(t->elem->kind, LC_TYPE_LIST);
	cr_assert_eq(t->elem->elem->kind, LC_TYPE_STRING);
	lc_type_free(t);

	t = T(" list < TreeNode > [ ] ");
	cr_assert_eq(t->kind, LC_TYPE_LIST);
	cr_assert_not(t->list_syntax);
	cr_assert(t->elem->list_syntax);
	cr_assert_eq(t->elem->elem->kind, LC_TYPE_TREENODE);
	lc_type_free(t);
}

Test(lc_type, format_keeps_the_spelling)
{
	const char *names[] = { "integer", "character[][]", "list<integer>",
		"list<list<integer>>", "list<integer[]>", "list<ListNode>[]" };
	char	    buf[64], tiny[5];
	size_t	    i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct lc_type *t = T(names[i]);

		cr_expect_eq(lc_type_format(t, buf, sizeof(buf)),
		    strlen(names[i]));
		cr_expect_str_eq(buf, names[i]);
		lc_type_free(t);
	}
	{
		struct lc_type *t = T("list<string>");

		cr_assert_eq(lc_type_format(t, tiny, sizeof(tiny)), 12);
		cr_assert_str_eq(tiny, "list");
		lc_type_free(t);
	}
}

Test(lc_type, bad_types_are_refused)
{
	const char *bad[] = { "", "   ", "int", "Integer", "treenode",
		"list<integer", "list integer", "integer[", "integer[]]",
		"integer]", "list<>", "void[]", "list<void>", "integer x",
		"integer[][]x", "list<integer>>", "Node" };
	char	    err[128];
	size_t	    i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		cr_expect_null(lc_type_parse(bad[i], err, sizeof(err)), "%s",
		    bad[i]);
		cr_expect(err[0] != '\0', "%s: no reason", bad[i]);
	}
	cr_assert_null(lc_type_parse(NULL, NULL, 0));
	cr_assert_null(lc_type_parse("int", err, sizeof(err)));
	cr_assert_str_eq(err, "unknown type \"int\"");
}

Test(lc_type, nesting_is_bounded)
{
	char   s[256] = "integer";
	size_t i;

	for (i = 0; i < 40; i++)
		strcat(s, "[]");
	cr_assert_null(lc_type_parse(s, NULL, 0));
	lc_type_free(NULL);
}

/*** Parsing values ***/

Test(lc_parse, int64_is_exact)
{
	json_t *v;

	v = J("9223372036854775807");
	cr_assert(json_is_integer(v));
	cr_assert_eq(json_integer_value(v), INT64_MAX);
	json_decref(v);
	v = J(" -9223372036854775808 \n");
	cr_assert_eq(json_integer_value(v), INT64_MIN);
	json_decref(v);
	v = J("[9007199254740993]"); /* 2^53 + 1: no double holds it */
	cr_assert_eq(json_integer_value(json_array_get(v, 0)),
	    9007199254740993LL);
	json_decref(v);
}

Test(lc_parse, beyond_int64_is_an_error)
{
	char err[128];

	cr_assert_null(lc_value_parse("99999999999999999999", 20, err,
	    sizeof(err)));
	cr_assert_str_eq(err, "number out of range at line 1, column 20");
	cr_assert_null(lc_value_parse("[1,-9223372036854775809]", 24, err,
	    sizeof(err)));
	cr_assert_not_null(strstr(err, "out of range"), "%s", err);
	cr_assert_null(lc_value_parse("1e400", 5, err, sizeof(err)));
	cr_assert_not_null(strstr(err, "out of range"), "%s", err);
}

Test(lc_parse, scalars_nul_and_garbage)
{
	char	err[128];
	json_t *v;

	v = J("\"a\\u0000b\"");
	cr_assert_eq(json_string_length(v), 3);
	json_decref(v);
	v = J("true");
	cr_assert(json_is_true(v));
	json_decref(v);
	v = J("null");
	cr_assert(json_is_null(v));
	json_decref(v);
	cr_assert_null(lc_value_parse("[1,2] x", 7, err, sizeof(err)));
	cr_assert_not_null(strstr(err, "invalid JSON"), "%s", err);
	cr_assert_null(lc_value_parse("", 0, err, sizeof(err)));
	cr_assert_null(lc_value_parse(NULL, 0, NULL, 0));
	cr_assert_null(lc_value_parse("True", 4, NULL, 0));
	cr_assert_null(lc_value_parse("[1,2", 4, NULL, 0));
	/* Only len bytes count. */
	v = lc_value_parse("12345", 2, NULL, 0);
	cr_assert_eq(json_integer_value(v), 12);
	json_decref(v);
}

/*** Checking values ***/

Test(lc_check, integer_is_int32)
{
	char err[256];

	cr_assert(valid("2147483647", "integer"));
	cr_assert(valid("-2147483648", "integer"));
	cr_assert_eq(check("2147483648", "integer", err, sizeof(err)), -1);
	cr_assert_str_eq(err,
	    "expected integer, got 2147483648 (outside int32)");
	cr_assert_not(valid("1.0", "integer"));
	cr_assert_not(valid("\"1\"", "integer"));
	cr_assert_not(valid("true", "integer"));
	cr_assert_not(valid("null", "integer"));
}

Test(lc_check, long_double_boolean_string_void)
{
	cr_assert(valid("9223372036854775807", "long"));
	cr_assert_not(valid("1.5", "long"));
	cr_assert(valid("2", "double"));
	cr_assert(valid("2.5", "double"));
	cr_assert_not(valid("\"2.5\"", "double"));
	cr_assert(valid("false", "boolean"));
	cr_assert_not(valid("0", "boolean"));
	cr_assert(valid("\"\"", "string"));
	cr_assert(valid("\"h\\u00e9\"", "string"));
	cr_assert_not(valid("null", "string"));
	cr_assert(valid("null", "void"));
	cr_assert_not(valid("0", "void"));
}

Test(lc_check, character_is_one_ascii_byte)
{
	char err[256];

	cr_assert(valid("\"1\"", "character"));
	cr_assert(valid("[[\"1\",\"0\"],[\".\",\"#\"]]", "character[][]"));
	cr_assert_not(valid("\"\"", "character"));
	cr_assert_not(valid("\"ab\"", "character"));
	cr_assert_not(valid("\"\\u00e9\"", "character"));
	cr_assert_not(valid("\"\\u0000\"", "character"));
	cr_assert_eq(check("1", "character", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "expected character, got 1 (one ASCII "
	    "character in a string)");
}

Test(lc_check, listnode)
{
	char err[256];

	cr_assert(valid("[]", "ListNode"));
	cr_assert(valid("[1,2,4]", "ListNode"));
	cr_assert(valid("[[1,4,5],[],[2,6]]", "ListNode[]"));
	cr_assert_not(valid("null", "ListNode"));
	cr_assert_not(valid("[1,null]", "ListNode"));
	cr_assert_eq(check("[1,5000000000]", "ListNode", err, sizeof(err)),
	    -1);
	cr_assert_str_eq(err,
	    "[1]: expected integer, got 5000000000 (outside int32)");
}

Test(lc_check, treenode_level_order)
{
	char err[256];

	cr_assert(valid("[]", "TreeNode"));
	cr_assert(valid("[3,9,20,null,null,15,7]", "TreeNode"));
	cr_assert(valid("[1,null,2,null,3]", "TreeNode"));
	cr_assert(valid("[1,2,null]", "TreeNode")); /* trailing null */
	cr_assert(valid("[[1,null,2],[]]", "list<TreeNode>"));
	cr_assert_not(valid("[1,\"2\"]", "TreeNode"));
	cr_assert_eq(check("[null]", "TreeNode", err, sizeof(err)), -1);
	cr_assert_str_eq(err,
	    "[0]: expected a root value, got null (an empty tree is [])");
	/* 1's children are null and null: 3 has no parent. */
	cr_assert_eq(check("[1,null,null,3]", "TreeNode", err, sizeof(err)),
	    -1);
	cr_assert_str_eq(err, "[3]: no parent node for this position");
	cr_assert_not(valid("[1,null,null,null]", "TreeNode"));
}

Test(lc_check, nested_lists_name_the_place)
{
	char err[256];

	cr_assert(valid("[[1,2],[],[3]]", "integer[][]"));
	cr_assert(valid("[[1,2],[],[3]]", "list<list<integer>>"));
	cr_assert_eq(check("[[1],[2],[3000000000]]", "list<integer[]>", err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err,
	    "[2][0]: expected integer, got 3000000000 (outside int32)");
	cr_assert_eq(check("[[1],2]", "integer[][]", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "[1]: expected integer[], got 2");
	cr_assert_not(valid("{\"a\":1}", "integer[]"));
	cr_assert(valid("[[\"eat\",\"tea\"],[\"bat\"]]", "list<list<string>>"));
}

/*** Modes ***/

Test(lc_mode, names_round_trip)
{
	const char  *names[] = { "exact", "float", "unordered",
		 "unordered_deep", "checker" };
	enum lc_mode m;
	size_t	     i;

	for (i = 0; i < 5; i++) {
		cr_assert_eq(lc_mode_parse(names[i], &m), 0, "%s", names[i]);
		cr_assert_str_eq(lc_mode_name(m), names[i]);
	}
	cr_assert_eq(lc_mode_parse("Exact", &m), -1);
	cr_assert_eq(lc_mode_parse("", &m), -1);
	cr_assert_eq(lc_mode_parse(NULL, &m), -1);
	m = LC_FLOAT;
	cr_assert_eq(lc_mode_parse("sorted", &m), -1);
	cr_assert_eq(m, LC_FLOAT, "left alone");
}

/*** Comparison: exact ***/

Test(lc_exact, scalars)
{
	cr_assert_eq(same("7", "7", LC_EXACT), 1);
	cr_assert_eq(same("7", "8", LC_EXACT), 0);
	cr_assert_eq(same("\"abc\"", "\"abc\"", LC_EXACT), 1);
	cr_assert_eq(same("\"abc\"", "\"ABC\"", LC_EXACT), 0);
	cr_assert_eq(same("\"a\\u0000b\"", "\"a\\u0000c\"", LC_EXACT), 0);
	cr_assert_eq(same("true", "true", LC_EXACT), 1);
	cr_assert_eq(same("true", "1", LC_EXACT), 0);
	cr_assert_eq(same("false", "0", LC_EXACT), 0);
	cr_assert_eq(same("null", "null", LC_EXACT), 1);
	cr_assert_eq(same("null", "[]", LC_EXACT), 0);
	cr_assert_eq(same("1", "\"1\"", LC_EXACT), 0);
}

Test(lc_exact, integers_never_pass_through_double)
{
	/* Equal as doubles, different as integers. */
	cr_assert_eq(same("9007199254740993", "9007199254740992", LC_EXACT),
	    0);
	cr_assert_eq(same("9223372036854775807", "9223372036854775806",
	    LC_EXACT), 0);
	cr_assert_eq(same("9223372036854775807", "9223372036854775807",
	    LC_EXACT), 1);
	/* And against a real, the integer's exact value counts. */
	cr_assert_eq(same("9007199254740993", "9007199254740992.0",
	    LC_EXACT), 0);
	cr_assert_eq(same("[9007199254740993]", "[9007199254740992]",
	    LC_FLOAT), 0);
}

Test(lc_exact, a_double_may_be_written_as_an_integer)
{
	cr_assert_eq(same("2", "2.0", LC_EXACT), 1);
	cr_assert_eq(same("2.0", "2", LC_EXACT), 1);
	cr_assert_eq(same("-0.0", "0", LC_EXACT), 1);
	cr_assert_eq(same("2.5", "2", LC_EXACT), 0);
	cr_assert_eq(same("0.3", "0.30000000000000004", LC_EXACT), 0);
}

Test(lc_exact, reasons)
{
	char msg[256];

	cr_assert_eq(cmp("[1,2,3,7]", "[1,2,3,8]", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "[3]: expected 7, got 8");
	cr_assert_eq(cmp("[[1,2],[3,4]]", "[[1,2],[3,5]]", LC_EXACT, NULL, 0,
	    msg, sizeof(msg)), 0);
	cr_assert_str_eq(msg, "[1][1]: expected 4, got 5");
	cr_assert_eq(cmp("[1,2,3]", "[1,2]", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "expected 3 elements, got 2");
	cr_assert_eq(cmp("42", "\"42\"", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "expected 42, got \"42\"");
	cr_assert_eq(cmp("\"\\u00e9\"", "\"e\"", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "expected \"\\u00E9\", got \"e\"");
	cr_assert_eq(cmp("[1]", "[1]", LC_EXACT, NULL, 0, msg, sizeof(msg)),
	    1);
	cr_assert_str_eq(msg, "");
}

Test(lc_exact, long_values_are_cut_in_reasons)
{
	char   exp[8200] = "\"", msg[256];
	size_t i;

	for (i = 0; i < 8000; i++)
		strcat(exp + i, "x");
	strcat(exp, "\"");
	cr_assert_eq(cmp(exp, "\"y\"", LC_EXACT, NULL, 0, msg, sizeof(msg)),
	    0);
	cr_assert_lt(strlen(msg), 160);
	cr_assert_not_null(strstr(msg, "..."));
}

Test(lc_exact, order_matters)
{
	cr_assert_eq(same("[0,1]", "[1,0]", LC_EXACT), 0);
	cr_assert_eq(same("[[1,6],[8,10]]", "[[1,6],[8,10]]", LC_EXACT), 1);
	cr_assert_eq(same("{\"a\":1}", "{\"a\":1}", LC_EXACT), 1);
	cr_assert_eq(same("{\"a\":1}", "{\"a\":2}", LC_EXACT), 0);
}

Test(lc_exact, null_opts_and_checker)
{
	json_t *a = J("[1]"), *b = J("[1]");
	char	msg[128];
	struct lc_compare_opts o = { LC_CHECKER, 0, NULL };

	cr_assert_eq(lc_compare(a, b, NULL, NULL, 0), 1);
	cr_assert_eq(lc_compare(a, b, &o, msg, sizeof(msg)), -1);
	cr_assert_not_null(strstr(msg, "checker"));
	cr_assert_eq(lc_compare(a, NULL, NULL, msg, sizeof(msg)), -1);
	json_decref(a);
	json_decref(b);
}

/*** Comparison: float ***/

Test(lc_float, within_default_tolerance)
{
	cr_assert_eq(same("2.00000", "2.000001", LC_FLOAT), 1);
	cr_assert_eq(same("2.5", "2.5001", LC_FLOAT), 0);
	cr_assert_eq(same("2", "2.000001", LC_FLOAT), 1);
	/* Relative: 1e9 +- 1000 is within 1e-5 of it. */
	cr_assert_eq(same("1000000000.0", "1000001000.0", LC_FLOAT), 1);
	cr_assert_eq(same("1000000000.0", "1000100000.0", LC_FLOAT), 0);
	cr_assert_eq(same("[1.0,[2.0]]", "[1.000001,[1.999999]]", LC_FLOAT),
	    1);
}

Test(lc_float, integers_stay_exact)
{
	cr_assert_eq(same("1000000", "1000001", LC_FLOAT), 0);
	cr_assert_eq(same("[3,0.5]", "[3,0.500001]", LC_FLOAT), 1);
}

Test(lc_float, custom_tolerance)
{
	char msg[128];

	cr_assert_eq(cmp("1.0", "1.05", LC_FLOAT, NULL, 0.1, msg,
	    sizeof(msg)), 1);
	cr_assert_eq(cmp("1.0", "1.05", LC_FLOAT, NULL, 0.01, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "expected 1.0, got 1.05");
}

Test(lc_float, double_typed_values_get_tolerance_in_any_mode)
{
	char msg[128];

	cr_assert_eq(cmp("2.5", "2.500001", LC_EXACT, "double", 0, msg,
	    sizeof(msg)), 1);
	cr_assert_eq(cmp("2.5", "2.500001", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_eq(cmp("[0.5,2]", "[2,0.500001]", LC_UNORDERED, "double[]",
	    0, msg, sizeof(msg)), 1);
	cr_assert_eq(cmp("[1,2]", "[1,2.000001]", LC_EXACT, "integer[]", 0,
	    msg, sizeof(msg)), 0);
	/* Typed double: even two integers get the tolerance. */
	cr_assert_eq(cmp("1000000", "1000001", LC_EXACT, "double", 0, msg,
	    sizeof(msg)), 1);
	cr_assert_eq(cmp("1000000", "1000001", LC_FLOAT, NULL, 0, msg,
	    sizeof(msg)), 0);
}

/*** Comparison: unordered ***/

Test(lc_unordered, top_level_any_order)
{
	cr_assert_eq(same("[0,1]", "[1,0]", LC_UNORDERED), 1);
	cr_assert_eq(same("[[1,2],[3]]", "[[3],[1,2]]", LC_UNORDERED), 1);
	/* Only the top level. */
	cr_assert_eq(same("[[1,2],[3]]", "[[3],[2,1]]", LC_UNORDERED), 0);
	cr_assert_eq(same("[\"b\",\"a\",\"ab\"]", "[\"ab\",\"a\",\"b\"]",
	    LC_UNORDERED), 1);
	cr_assert_eq(same("5", "5", LC_UNORDERED), 1);
	cr_assert_eq(same("[]", "[]", LC_UNORDERED), 1);
}

Test(lc_unordered, multiplicity_counts)
{
	char msg[256];

	cr_assert_eq(cmp("[1,1,2]", "[1,2,2]", LC_UNORDERED, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "in any order: expected element 1 is missing");
	cr_assert_eq(cmp("[1,2]", "[1,9]", LC_UNORDERED, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "in any order: expected element 2 is missing");
	cr_assert_eq(cmp("[5,9]", "[1,9]", LC_UNORDERED, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "in any order: got unexpected element 1");
	cr_assert_eq(cmp("[1,2]", "[2,1,1]", LC_UNORDERED, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_str_eq(msg, "expected 2 elements, got 3 (in any order)");
}

Test(lc_unordered, mixed_kinds_and_numbers)
{
	cr_assert_eq(same("[null,true,1,\"1\",[1]]", "[[1],\"1\",1,true,null]",
	    LC_UNORDERED), 1);
	cr_assert_eq(same("[2,1.5,-3]", "[1.5,-3,2.0]", LC_UNORDERED), 1);
	cr_assert_eq(same("[2,1.5,-3]", "[1.5000001,-3,2]", LC_UNORDERED), 0);
	cr_assert_eq(same("[2,1.5,-3]", "[1.5000001,-3,2]", LC_FLOAT), 0);
}

Test(lc_unordered, two_sum_pair)
{
	char msg[128];

	cr_assert_eq(cmp("[0,1]", "[1,0]", LC_UNORDERED, "integer[]", 0, msg,
	    sizeof(msg)), 1);
	cr_assert_eq(cmp("[0,1]", "[0,2]", LC_UNORDERED, "integer[]", 0, msg,
	    sizeof(msg)), 0);
}

Test(lc_unordered_deep, three_sum)
{
	cr_assert_eq(same("[[-1,-1,2],[-1,0,1]]", "[[0,1,-1],[2,-1,-1]]",
	    LC_UNORDERED_DEEP), 1);
	cr_assert_eq(same("[[-1,-1,2],[-1,0,1]]", "[[0,1,-1],[2,-1,-2]]",
	    LC_UNORDERED_DEEP), 0);
	cr_assert_eq(same("[[-1,-1,2],[-1,0,1]]", "[[0,1,-1],[2,-1,-1]]",
	    LC_UNORDERED), 0);
	cr_assert_eq(same("[[-1,-1,2],[-1,0,1]]",
	    "[[0,1,-1],[2,-1,-1],[0,1,-1]]", LC_UNORDERED_DEEP), 0);
}

Test(lc_unordered_deep, group_anagrams)
{
	const char *exp =
	    "[[\"bat\"],[\"nat\",\"tan\"],[\"ate\",\"eat\",\"tea\"]]";
	char	    msg[256];

	cr_assert_eq(cmp(exp,
	    "[[\"tea\",\"eat\",\"ate\"],[\"bat\"],[\"tan\",\"nat\"]]",
	    LC_UNORDERED_DEEP, "list<list<string>>", 0, msg, sizeof(msg)), 1,
	    "%s", msg);
	cr_assert_eq(cmp(exp,
	    "[[\"tea\",\"eat\"],[\"ate\",\"bat\"],[\"tan\",\"nat\"]]",
	    LC_UNORDERED_DEEP, "list<list<string>>", 0, msg, sizeof(msg)), 0);
	cr_assert_str_eq(msg,
	    "in any order: got unexpected element [\"ate\",\"bat\"]");
	cr_assert_eq(cmp(exp,
	    "[[\"bat\"],[\"nat\",\"tan\"],[\"eat\",\"tea\"]]",
	    LC_UNORDERED_DEEP, "list<list<string>>", 0, msg, sizeof(msg)), 0);
	cr_assert_str_eq(msg,
	    "in any order: expected element [\"ate\",\"eat\",\"tea\"] is "
	    "missing");
}

Test(lc_unordered_deep, three_levels)
{
	cr_assert_eq(same("[[[1,2],[3]],[[4]]]", "[[[4]],[[3],[2,1]]]",
	    LC_UNORDERED_DEEP), 1);
	cr_assert_eq(same("[[[1,2],[3]],[[4]]]", "[[[4]],[[3,2],[1]]]",
	    LC_UNORDERED_DEEP), 0);
}

/*** Comparison: typed trees and lists ***/

Test(lc_typed, treenode_trailing_nulls_are_ignored)
{
	char msg[128];

	cr_assert_eq(cmp("[1,2,null]", "[1,2]", LC_EXACT, "TreeNode", 0, msg,
	    sizeof(msg)), 1);
	cr_assert_eq(cmp("[1,2]", "[1,2,null,null]", LC_EXACT, "TreeNode", 0,
	    msg, sizeof(msg)), 1);
	cr_assert_eq(cmp("[1,2,null]", "[1,2]", LC_EXACT, NULL, 0, msg,
	    sizeof(msg)), 0);
	cr_assert_eq(cmp("[1,null,2]", "[1,2]", LC_EXACT, "TreeNode", 0, msg,
	    sizeof(msg)), 0);
}

Test(lc_typed, trees_and_linked_lists_keep_their_order)
{
	char msg[128];

	cr_assert_eq(cmp("[2,1,3]", "[2,3,1]", LC_UNORDERED_DEEP, "TreeNode",
	    0, msg, sizeof(msg)), 0);
	cr_assert_eq(cmp("[1,2,3]", "[3,2,1]", LC_UNORDERED, "ListNode", 0,
	    msg, sizeof(msg)), 0);
	/* A list of trees: the list in any order, each tree as it is. */
	cr_assert_eq(cmp("[[1,null,2],[2,1]]", "[[2,1,null],[1,null,2]]",
	    LC_UNORDERED_DEEP, "list<TreeNode>", 0, msg, sizeof(msg)), 1,
	    "%s", msg);
	cr_assert_eq(cmp("[[1,null,2],[2,1]]", "[[1,2],[1,null,2]]",
	    LC_UNORDERED_DEEP, "list<TreeNode>", 0, msg, sizeof(msg)), 0);
	/* Without the type, every array is a list. */
	cr_assert_eq(cmp("[2,1,3]", "[2,3,1]", LC_UNORDERED_DEEP, NULL, 0,
	    msg, sizeof(msg)), 1);
}

/*** Size ***/

/* "[v0,v1,...]" of n integers from f(i); caller frees. */
static char *
int_array(size_t n, long long (*f)(size_t))
{
	char  *s = malloc(n * 24 + 3), *p = s;
	size_t i;

	cr_assert_not_null(s);
	*p++ = '[';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%lld", i ? "," : "", f(i));
	*p++ = ']';
	*p = '\0';
	return s;
}

static long long
up(size_t i)
{
	return (long long)i * 7919 % 1000003;
}

static long long
down(size_t i)
{
	return up(499999 - i);
}

Test(lc_size, half_a_million_elements_unordered, .timeout = 20)
{
	char *a = int_array(500000, up), *b = int_array(500000, down);

	cr_assert_eq(same(a, b, LC_UNORDERED), 1);
	cr_assert_eq(same(a, b, LC_EXACT), 0);
	free(a);
	free(b);
}

Test(lc_size, many_small_lists_deep, .timeout = 20)
{
	const size_t n = 200000;
	char	    *a = malloc(n * 16 + 3), *b = malloc(n * 16 + 3);
	char	    *p = a, *q = b;
	size_t	     i;

	cr_assert(a && b);
	*p++ = '[';
	*q++ = '[';
	for (i = 0; i < n; i++) {
		p += sprintf(p, "%s[%zu,%zu]", i ? "," : "", i, i + 1);
		q += sprintf(q, "%s[%zu,%zu]", i ? "," : "", n - i,
		    n - i - 1);
	}
	strcpy(p, "]");
	strcpy(q, "]");
	cr_assert_eq(same(a, b, LC_UNORDERED_DEEP), 1);
	free(a);
	free(b);
}

/*** Randomized: shuffling never matters to unordered_deep ***/

/* A small deterministic generator, so failures repeat. */
static unsigned long long rng_state = 88172645463325252ULL;

static unsigned
rng(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

/* A random list of up to 6 lists of up to 4 small integers or strings. */
static json_t *
random_groups(void)
{
	json_t *top = json_array();
	size_t	i, j, n = rng(7);

	for (i = 0; i < n; i++) {
		json_t *g = json_array();
		size_t	m = rng(5);

		for (j = 0; j < m; j++) {
			if (rng(4) == 0) {
				char s[2] = { (char)('a' + rng(3)), '\0' };

				json_array_append_new(g, json_string(s));
			} else {
				json_array_append_new(g,
				    json_integer((json_int_t)rng(4) - 1));
			}
		}
		json_array_append_new(top, g);
	}
	return top;
}

/* A copy of a list of lists with both levels shuffled. */
static json_t *
shuffled(const json_t *v)
{
	json_t *c = json_deep_copy(v);
	size_t	i, j;

	for (i = json_array_size(c); i > 1; i--) {
		json_t *a = json_incref(json_array_get(c, i - 1));
		size_t	k = rng((unsigned)i);

		json_array_set(c, i - 1, json_array_get(c, k));
		json_array_set_new(c, k, a);
	}
	for (i = 0; i < json_array_size(c); i++) {
		json_t *g = json_array_get(c, i);

		for (j = json_array_size(g); j > 1; j--) {
			json_t *a = json_incref(json_array_get(g, j - 1));
			size_t	k = rng((unsigned)j);

			json_array_set(g, j - 1, json_array_get(g, k));
			json_array_set_new(g, k, a);
		}
	}
	return c;
}

Test(lc_random, shuffles_are_equal_changes_are_not)
{
	struct lc_compare_opts deep = { LC_UNORDERED_DEEP, 0, NULL };
	struct lc_compare_opts top = { LC_UNORDERED, 0, NULL };
	int		       round;

	for (round = 0; round < 2000; round++) {
		json_t *a = random_groups(), *b = shuffled(a), *c;
		char	msg[256];

		cr_assert_eq(lc_compare(a, b, &deep, msg, sizeof(msg)), 1,
		    "round %d: %s", round, msg);
		cr_assert_eq(lc_compare(b, a, &deep, NULL, 0), 1);
		/* Top-level order alone matters not under unordered. */
		cr_assert_eq(lc_compare(a, b, &top, NULL, 0),
		    lc_compare(b, a, &top, NULL, 0), "round %d", round);

		/* Change one element: never equal. */
		c = json_deep_copy(b);
		if (json_array_size(c) > 0) {
			json_t *g = json_array_get(c, rng(
			    (unsigned)json_array_size(c)));

			json_array_append_new(g, json_integer(99));
			cr_assert_eq(lc_compare(a, c, &deep, msg,
			    sizeof(msg)), 0, "round %d", round);
			cr_assert(msg[0] != '\0');
			cr_assert_eq(lc_compare(c, a, &deep, NULL, 0), 0);
		}
		json_decref(a);
		json_decref(b);
		json_decref(c);
	}
}
