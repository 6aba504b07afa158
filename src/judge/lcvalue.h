/*
 * judge/lcvalue.h -- LeetCode values: their types, their validity, and
 * whether a program's value matches the expected one.
 *
 * A LeetCode problem describes its function with type strings ("integer",
 * "integer[]", "list<list<string>>", "TreeNode", ...; see
 * shared/notes/leetcode-conventions.md). Values travel as JSON, one value
 * per line. This module
 *
 *   - parses a type string into a small tree (struct lc_type),
 *   - parses JSON text into a value without losing big integers
 *     (lc_value_parse: integers stay int64, never pass through a double;
 *     an integer beyond int64 is an error, not a rounded number),
 *   - checks a value against a type (for validating test files), and
 *   - compares an expected value with the program's under a mode
 *     (exact, float, unordered, unordered_deep), in O(n log n).
 *
 * Pure functions: no I/O and no global state. Values are jansson's json_t
 * (json_int_t is long long); they are only read, never changed. Tests:
 * tests/unit/judge/test_lcvalue.c.
 */
#ifndef GAVEL_JUDGE_LCVALUE_H
#define GAVEL_JUDGE_LCVALUE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/*** Types ***/

enum lc_kind {
	LC_TYPE_INTEGER,   /* "integer": int32 */
	LC_TYPE_LONG,	   /* "long": int64 */
	LC_TYPE_DOUBLE,	   /* "double": any JSON number */
	LC_TYPE_BOOLEAN,   /* "boolean": true or false */
	LC_TYPE_CHARACTER, /* "character": a string of one ASCII character */
	LC_TYPE_STRING,	   /* "string" */
	LC_TYPE_LISTNODE,  /* "ListNode": array of int32 */
	LC_TYPE_TREENODE,  /* "TreeNode": level order, int32 or null */
	LC_TYPE_VOID,	   /* "void": only JSON null */
	LC_TYPE_LIST,	   /* "T[]" or "list<T>" */
};

/* A parsed type. Plain data, owned as a whole by whoever parsed it. */
struct lc_type {
	enum lc_kind	kind;
	struct lc_type *elem;	     /* LC_TYPE_LIST: the element type */
	bool		list_syntax; /* LC_TYPE_LIST: spelled list<T>, not
					T[] (same for judging; drivers may
					care) */
};

/*
 * Parse a LeetCode type string: a base name ("integer", "long", "double",
 * "boolean", "character", "string", "ListNode", "TreeNode", "void") or
 * "list<T>", each followed by any number of "[]"; spaces around the
 * parts are allowed, names are case-sensitive, "void" cannot be an
 * element. Returns the type, which the caller owns (free it with
 * lc_type_free()), or NULL with a reason in err (when errlen > 0).
 */
struct lc_type *lc_type_parse(const char *s, char *err, size_t errlen);

/* Free a type from lc_type_parse(); NULL is a no-op. */
void lc_type_free(struct lc_type *t);

/*
 * Write t's name to buf (len bytes, NUL-terminated when len > 0) in its
 * own spelling ("list<integer[]>"). Returns the length of the full name,
 * as snprintf() does.
 */
size_t lc_type_format(const struct lc_type *t, char *buf, size_t len);

/*** Values ***/

/*
 * Parse one JSON value (any kind, scalars included) from text[0..len),
 * surrounding whitespace allowed, nothing else after it. Integers keep
 * their exact int64 value; "\u0000" in strings is kept. Returns a new
 * reference (json_decref() it) or NULL with a reason in err, e.g.
 * "number out of range at line 1, column 21" for 99999999999999999999.
 */
json_t *lc_value_parse(const char *text, size_t len, char *err,
    size_t errlen);

/*
 * Check that v is a valid value of type t, for validating test files:
 * integer within int32, long an integer (int64), double any number,
 * character a one-byte ASCII string (not NUL), ListNode an array of int32,
 * TreeNode an array of int32|null that is a valid level-order tree (no
 * null root, no child under a missing node; trailing nulls allowed), void
 * null, lists element by element. Returns 0 if valid, -1 with a reason in
 * err naming the place, e.g. "[2][0]: expected integer, got 3000000000
 * (outside int32)".
 */
int lc_value_check(const json_t *v, const struct lc_type *t, char *err,
    size_t errlen);

/*** Comparison ***/

/* How a problem's answers are judged (problem.json "compare"). */
enum lc_mode {
	LC_EXACT,	   /* equal as JSON values */
	LC_FLOAT,	   /* numbers within a tolerance */
	LC_UNORDERED,	   /* the top-level list in any order */
	LC_UNORDERED_DEEP, /* lists at every level in any order */
	LC_CHECKER,	   /* a problem-supplied checker decides */
};

#define LC_DEFAULT_TOLERANCE 1e-5

/*
 * Parse a mode name: "exact", "float", "unordered", "unordered_deep",
 * "checker". Returns 0, or -1 (leaving *out alone) for anything else.
 */
int lc_mode_parse(const char *name, enum lc_mode *out);

/* The name of a mode, as lc_mode_parse() takes it. Never NULL. */
const char *lc_mode_name(enum lc_mode m);

struct lc_compare_opts {
	enum lc_mode	      mode;
	double		      tolerance; /* <= 0: LC_DEFAULT_TOLERANCE */
	const struct lc_type *type;	 /* optional, borrowed; see below */
};

/*
 * Compare the program's value `got` with `expected`. opts NULL means
 * LC_EXACT without a type.
 *
 * Numbers: two integers compare exactly as int64. An integer and a real
 * compare by exact value in LC_EXACT (so 2 equals 2.0: a double answer
 * may be written as an integer). Under the float rule two numbers are
 * equal if |e - g| <= tol or |e - g| <= tol * |e|. The float rule holds
 * in LC_FLOAT for every pair where either side is a real (two integers
 * still compare exactly), and in every mode for values whose type is
 * double, integers included. Strings compare byte for byte,
 * true/false/null only equal themselves, and a number never equals a
 * boolean.
 *
 * LC_UNORDERED sorts the top-level list, LC_UNORDERED_DEEP every list,
 * each into a canonical order, then compares pairwise: O(n log n). With
 * a type, ListNode and TreeNode arrays keep their order in every mode and
 * trailing nulls of a TreeNode are ignored. Under the float rule in an
 * unordered list, elements are matched in sorted order, which can miss a
 * matching between lists of nearly equal numbers.
 *
 * Returns 1 if equal, 0 if not, with a short reason in msg (when msglen >
 * 0; "" when equal) such as "[3]: expected 7, got 8", "expected 3
 * elements, got 2" or "in any order: expected element [-1,0,1] is
 * missing". Returns -1 with a reason for LC_CHECKER, which this module
 * cannot decide, and when expected or got is NULL. Values are borrowed:
 * lc_compare() only reads them.
 */
int lc_compare(const json_t *expected, const json_t *got,
    const struct lc_compare_opts *opts, char *msg, size_t msglen);

#endif
