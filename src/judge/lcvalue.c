/*
 * judge/lcvalue.c -- LeetCode types, value checks and comparison; see
 * lcvalue.h.
 */
#include "judge/lcvalue.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Deepest type nesting lc_type_parse() accepts ("integer[][]...[]"). */
#define TYPE_MAX_DEPTH 32

/* Longest rendering of a value in a message, "..." included. */
#define SHOW_MAX 64

/* Set buf to a formatted reason, if there is room for one. */
static void __attribute__((format(printf, 3, 4)))
set_msg(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (buf == NULL || len == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

/*
 * Render v as compact ASCII-only JSON into out (cap >= SHOW_MAX + 1),
 * cut to SHOW_MAX bytes with "..." at the end. ASCII output means a cut
 * never splits a character.
 */
static void
show(const json_t *v, char *out, size_t cap)
{
	char  *s;
	size_t n;

	s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
	if (s == NULL) {
		snprintf(out, cap, "?");
		return;
	}
	n = strlen(s);
	if (n > SHOW_MAX)
		snprintf(out, cap, "%.*s...", SHOW_MAX - 3, s);
	else
		snprintf(out, cap, "%s", s);
	free(s);
}

/*** Types ***/

static const struct {
	const char  *name;
	enum lc_kind kind;
} base_types[] = {
	{ "integer", LC_TYPE_INTEGER },
	{ "long", LC_TYPE_LONG },
	{ "double", LC_TYPE_DOUBLE },
	{ "boolean", LC_TYPE_BOOLEAN },
	{ "character", LC_TYPE_CHARACTER },
	{ "string", LC_TYPE_STRING },
	{ "ListNode", LC_TYPE_LISTNODE },
	{ "TreeNode", LC_TYPE_TREENODE },
	{ "void", LC_TYPE_VOID },
};

/* The name of a non-list kind, as in type strings. */
static const char *
kind_name(enum lc_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(base_types) / sizeof(base_types[0]); i++)
		if (base_types[i].kind == k)
			return base_types[i].name;
	return "list";
}

void
lc_type_free(struct lc_type *t)
{
	while (t != NULL) {
		struct lc_type *elem = t->elem;

		free(t);
		t = elem;
	}
}

static struct lc_type *
type_new(enum lc_kind kind, struct lc_type *elem, bool list_syntax)
{
	struct lc_type *t = xcalloc(1, sizeof(*t));

	t->kind = kind;
	t->elem = elem;
	t->list_syntax = list_syntax;
	return t;
}

static void
skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/*
 * Parse one type at *p, advancing *p past it. Returns the type or NULL
 * with err set. depth counts enclosing lists.
 */
static struct lc_type *
parse_type(const char **p, int depth, char *err, size_t errlen)
{
	struct lc_type *t = NULL;
	const char     *start;
	size_t		len, i;

	if (depth > TYPE_MAX_DEPTH) {
		set_msg(err, errlen, "type nested too deeply");
		return NULL;
	}
	skip_spaces(p);
	start = *p;
	while ((**p >= 'a' && **p <= 'z') || (**p >= 'A' && **p <= 'Z'))
		(*p)++;
	len = (size_t)(*p - start);
	if (len == 0) {
		set_msg(err, errlen, "expected a type name at \"%.20s\"",
		    start);
		return NULL;
	}

	if (len == 4 && memcmp(start, "list", 4) == 0) {
		struct lc_type *elem;

		skip_spaces(p);
		if (**p != '<') {
			set_msg(err, errlen, "expected '<' after \"list\"");
			return NULL;
		}
		(*p)++;
		elem = parse_type(p, depth + 1, err, errlen);
		if (elem == NULL)
			return NULL;
		skip_spaces(p);
		if (**p != '>') {
			lc_type_free(elem);
			set_msg(err, errlen, "expected '>' at \"%.20s\"", *p);
			return NULL;
		}
		(*p)++;
		t = type_new(LC_TYPE_LIST, elem, true);
	} else {
		for (i = 0; i < sizeof(base_types) / sizeof(base_types[0]); i++)
			if (strlen(base_types[i].name) == len &&
			    memcmp(base_types[i].name, start, len) == 0)
				break;
		if (i == sizeof(base_types) / sizeof(base_types[0])) {
			set_msg(err, errlen, "unknown type \"%.*s\"",
			    len > 40 ? 40 : (int)len, start);
			return NULL;
		}
		t = type_new(base_types[i].kind, NULL, false);
	}

	for (;;) {
		const char *q = *p;

		skip_spaces(&q);
		if (*q != '[')
			break;
		q++;
		skip_spaces(&q);
		if (*q != ']') {
			lc_type_free(t);
			set_msg(err, errlen, "expected ']' at \"%.20s\"", q);
			return NULL;
		}
		*p = q + 1;
		if (++depth > TYPE_MAX_DEPTH) {
			lc_type_free(t);
			set_msg(err, errlen, "type nested too deeply");
			return NULL;
		}
		t = type_new(LC_TYPE_LIST, t, false);
	}
	return t;
}

/* True if t holds void anywhere but at its top. */
static bool
void_inside(const struct lc_type *t)
{
	for (t = t->elem; t != NULL; t = t->elem)
		if (t->kind == LC_TYPE_VOID)
			return true;
	return false;
}

struct lc_type *
lc_type_parse(const char *s, char *err, size_t errlen)
{
	struct lc_type *t;
	const char     *p = s;

	if (s == NULL) {
		set_msg(err, errlen, "no type");
		return NULL;
	}
	t = parse_type(&p, 0, err, errlen);
	if (t == NULL)
		return NULL;
	skip_spaces(&p);
	if (*p != '\0') {
		set_msg(err, errlen, "unexpected \"%.20s\" after the type", p);
		lc_type_free(t);
		return NULL;
	}
	if (void_inside(t)) {
		set_msg(err, errlen, "void cannot be an element type");
		lc_type_free(t);
		return NULL;
	}
	return t;
}

/* Append to a bounded buffer, counting what would have been written. */
struct sink {
	char  *buf;
	size_t len;
	size_t n; /* full length so far */
};

static void
sink_put(struct sink *k, const char *s)
{
	size_t sl = strlen(s);

	if (k->len > 0 && k->n < k->len - 1) {
		size_t room = k->len - 1 - k->n;
		size_t c = sl < room ? sl : room;

		memcpy(k->buf + k->n, s, c);
		k->buf[k->n + c] = '\0';
	}
	k->n += sl;
}

static void
format_type(const struct lc_type *t, struct sink *k)
{
	if (t->kind != LC_TYPE_LIST) {
		sink_put(k, kind_name(t->kind));
	} else if (t->list_syntax) {
		sink_put(k, "list<");
		format_type(t->elem, k);
		sink_put(k, ">");
	} else {
		format_type(t->elem, k);
		sink_put(k, "[]");
	}
}

size_t
lc_type_format(const struct lc_type *t, char *buf, size_t len)
{
	struct sink k = { buf, len, 0 };

	if (len > 0)
		buf[0] = '\0';
	format_type(t, &k);
	return k.n;
}

/*** Parsing values ***/

json_t *
lc_value_parse(const char *text, size_t len, char *err, size_t errlen)
{
	json_error_t e;
	json_t	    *v;

	if (text == NULL)
		text = "";
	v = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
	if (v != NULL)
		return v;
	if (json_error_code(&e) == json_error_numeric_overflow)
		set_msg(err, errlen, "number out of range at line %d, "
		    "column %d", e.line, e.column);
	else
		set_msg(err, errlen, "invalid JSON at line %d, column %d: %s",
		    e.line, e.column, e.text);
	return NULL;
}

/*** Checking values ***/

/* Where in a value we are, as "[2][0]", for messages. */
struct path {
	char   buf[128];
	size_t len;
};

/* Append "[i]"; returns the old length, for path_pop(). */
static size_t
path_push(struct path *p, size_t i)
{
	size_t old = p->len;
	int    n;

	n = snprintf(p->buf + p->len, sizeof(p->buf) - p->len, "[%zu]", i);
	if (n < 0 || (size_t)n >= sizeof(p->buf) - p->len) {
		/* Too deep to show: end with "..." once. */
		p->buf[old] = '\0';
		if (old + 4 < sizeof(p->buf) &&
		    (old < 3 || strcmp(p->buf + old - 3, "...") != 0)) {
			memcpy(p->buf + old, "...", 4);
			p->len = old + 3;
		}
		return old;
	}
	p->len += (size_t)n;
	return old;
}

static void
path_pop(struct path *p, size_t old)
{
	p->len = old;
	p->buf[old] = '\0';
}

/* "[2][0]: " or "" at the top, for the front of a message. */
static const char *
path_prefix(const struct path *p, char *out, size_t cap)
{
	if (p->len == 0)
		return "";
	snprintf(out, cap, "%s: ", p->buf);
	return out;
}

static bool
is_int32(const json_t *v)
{
	json_int_t i;

	if (!json_is_integer(v))
		return false;
	i = json_integer_value(v);
	return i >= INT32_MIN && i <= INT32_MAX;
}

/* Report that v (at p) is not what `want` describes, with a note. */
static int
check_fail(const struct path *p, const json_t *v, const char *want,
    const char *note, char *err, size_t errlen)
{
	char pre[sizeof(p->buf) + 4], got[SHOW_MAX + 1];

	show(v, got, sizeof(got));
	set_msg(err, errlen, "%sexpected %s, got %s%s",
	    path_prefix(p, pre, sizeof(pre)), want, got, note);
	return -1;
}

/* An int32 element (ListNode) or an int32-or-null one (TreeNode). */
static int
check_node_values(const json_t *v, bool tree, struct path *p, char *err,
    size_t errlen)
{
	const char *want = tree ? "TreeNode" : "ListNode";
	size_t	    i, nonnull = 0;

	if (!json_is_array(v))
		return check_fail(p, v, want, " (write it as an array)", err,
		    errlen);
	for (i = 0; i < json_array_size(v); i++) {
		const json_t *e = json_array_get(v, i);
		size_t	      old;
		int	      rc = 0;

		old = path_push(p, i);
		if (tree && json_is_null(e)) {
			if (i == 0)
				rc = check_fail(p, e, "a root value", " (an "
				    "empty tree is [])", err, errlen);
		} else if (!is_int32(e)) {
			rc = check_fail(p, e, "integer",
			    json_is_integer(e) ? " (outside int32)" : "", err,
			    errlen);
		}
		/*
		 * Level order: the root, then two child slots for each
		 * present node, in order. A slot past those has no parent.
		 */
		if (rc == 0 && tree && i >= 1 + 2 * nonnull) {
			char pre[sizeof(p->buf) + 4];

			set_msg(err, errlen, "%sno parent node for this "
			    "position", path_prefix(p, pre, sizeof(pre)));
			rc = -1;
		}
		path_pop(p, old);
		if (rc < 0)
			return rc;
		if (!json_is_null(e))
			nonnull++;
	}
	return 0;
}

static int
check_value(const json_t *v, const struct lc_type *t, struct path *p,
    char *err, size_t errlen)
{
	char   tn[128];
	size_t i;

	switch (t->kind) {
	case LC_TYPE_INTEGER:
		if (is_int32(v))
			return 0;
		return check_fail(p, v, "integer",
		    json_is_integer(v) ? " (outside int32)" : "", err, errlen);
	case LC_TYPE_LONG:
		/* jansson refuses integers beyond int64 when parsing. */
		if (json_is_integer(v))
			return 0;
		return check_fail(p, v, "long", "", err, errlen);
	case LC_TYPE_DOUBLE:
		if (json_is_number(v))
			return 0;
		return check_fail(p, v, "double", "", err, errlen);
	case LC_TYPE_BOOLEAN:
		if (json_is_boolean(v))
			return 0;
		return check_fail(p, v, "boolean", "", err, errlen);
	case LC_TYPE_CHARACTER:
		if (json_is_string(v) && json_string_length(v) == 1 &&
		    json_string_value(v)[0] > 0)
			return 0;
		return check_fail(p, v, "character",
		    " (one ASCII character in a string)", err, errlen);
	case LC_TYPE_STRING:
		if (json_is_string(v))
			return 0;
		return check_fail(p, v, "string", "", err, errlen);
	case LC_TYPE_LISTNODE:
		return check_node_values(v, false, p, err, errlen);
	case LC_TYPE_TREENODE:
		return check_node_values(v, true, p, err, errlen);
	case LC_TYPE_VOID:
		if (json_is_null(v))
			return 0;
		return check_fail(p, v, "null (void)", "", err, errlen);
	case LC_TYPE_LIST:
		if (!json_is_array(v)) {
			lc_type_format(t, tn, sizeof(tn));
			return check_fail(p, v, tn, "", err, errlen);
		}
		for (i = 0; i < json_array_size(v); i++) {
			size_t old = path_push(p, i);
			int    rc;

			rc = check_value(json_array_get(v, i), t->elem, p, err,
			    errlen);
			path_pop(p, old);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	set_msg(err, errlen, "bad type");
	return -1;
}

int
lc_value_check(const json_t *v, const struct lc_type *t, char *err,
    size_t errlen)
{
	struct path p = { "", 0 };

	if (v == NULL || t == NULL) {
		set_msg(err, errlen, "no value or no type");
		return -1;
	}
	return check_value(v, t, &p, err, errlen);
}

/*** Modes ***/

static const char *const mode_names[] = {
	[LC_EXACT] = "exact",
	[LC_FLOAT] = "float",
	[LC_UNORDERED] = "unordered",
	[LC_UNORDERED_DEEP] = "unordered_deep",
	[LC_CHECKER] = "checker",
};

int
lc_mode_parse(const char *name, enum lc_mode *out)
{
	size_t i;

	if (name == NULL)
		return -1;
	for (i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++) {
		if (strcmp(name, mode_names[i]) == 0) {
			*out = (enum lc_mode)i;
			return 0;
		}
	}
	return -1;
}

const char *
lc_mode_name(enum lc_mode m)
{
	if ((size_t)m < sizeof(mode_names) / sizeof(mode_names[0]))
		return mode_names[m];
	return "?";
}

/*** Comparison ***/

/* Order of JSON kinds in the canonical order. */
enum rank {
	RANK_NULL,
	RANK_FALSE,
	RANK_TRUE,
	RANK_NUMBER,
	RANK_STRING,
	RANK_ARRAY,
	RANK_OBJECT,
};

/*
 * A value prepared for comparison: arrays carry their elements as nodes,
 * sorted into canonical order where the mode says so. Only points into
 * the json_t, which stays unchanged.
 */
struct cnode {
	const json_t *v;
	union {
		json_int_t    i;    /* integers: the value */
		double	      d;    /* reals: the value */
		const char   *s;    /* strings: the bytes */
		struct cnode *kids; /* arrays: n nodes, or NULL */
	};
	size_t	  n;	      /* strings: length; arrays: elements that
				 count */
	enum rank rank;	      /* rank(v), cached for sorting */
	bool	  is_int;     /* numbers: v is a JSON integer */
	bool	  float_rule; /* numbers: typed double, tolerance applies */
	bool	  sorted;     /* arrays: kids are in canonical order */
};

/* The element type of the elements of an array of type t, or NULL. */
static const struct lc_type *
elem_type(const struct lc_type *t)
{
	static const struct lc_type int32_type = { LC_TYPE_INTEGER, NULL,
		false };

	if (t == NULL)
		return NULL;
	if (t->kind == LC_TYPE_LIST)
		return t->elem;
	if (t->kind == LC_TYPE_LISTNODE || t->kind == LC_TYPE_TREENODE)
		return &int32_type;
	return NULL;
}

/* The rank of v. */
static enum rank
rank(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_NULL:
		return RANK_NULL;
	case JSON_FALSE:
		return RANK_FALSE;
	case JSON_TRUE:
		return RANK_TRUE;
	case JSON_INTEGER:
	case JSON_REAL:
		return RANK_NUMBER;
	case JSON_STRING:
		return RANK_STRING;
	case JSON_ARRAY:
		return RANK_ARRAY;
	case JSON_OBJECT:
		break;
	}
	return RANK_OBJECT;
}

/*
 * Order two numbers by exact value. long double holds every int64 and
 * every double exactly (x86-64's 64-bit mantissa, or binary128), so an
 * integer and a real compare without rounding.
 */
static int
num_order(const struct cnode *a, const struct cnode *b)
{
	long double x, y;

	if (a->is_int && b->is_int)
		return (a->i > b->i) - (a->i < b->i);
	x = a->is_int ? (long double)a->i : (long double)a->d;
	y = b->is_int ? (long double)b->i : (long double)b->d;
	return (x > y) - (x < y);
}

/* Strings by bytes, then by length; NUL bytes count. */
static int
str_order(const struct cnode *a, const struct cnode *b)
{
	int c = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (a->n > b->n) - (a->n < b->n);
}

/* Objects are no LeetCode value; order them by their sorted-key text. */
static int
obj_order(const json_t *a, const json_t *b)
{
	size_t f = JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY;
	char  *x = json_dumps(a, f), *y = json_dumps(b, f);
	int    c = strcmp(x ? x : "", y ? y : "");

	free(x);
	free(y);
	return (c > 0) - (c < 0);
}

/* The canonical order: a total order on prepared values. */
static int
cnode_order(const struct cnode *a, const struct cnode *b)
{
	size_t i;
	int    c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case RANK_NUMBER:
		return num_order(a, b);
	case RANK_STRING:
		return str_order(a, b);
	case RANK_ARRAY:
		for (i = 0; i < a->n && i < b->n; i++) {
			c = cnode_order(&a->kids[i], &b->kids[i]);
			if (c != 0)
				return c;
		}
		return (a->n > b->n) - (a->n < b->n);
	case RANK_OBJECT:
		return obj_order(a->v, b->v);
	default:
		return 0; /* null, false, true */
	}
}

static int
cnode_qsort_cmp(const void *a, const void *b)
{
	return cnode_order(a, b);
}

/*
 * Prepare v of type t (may be NULL) into *c. sort: sort this level if it
 * is a list; deep: sort the levels below too.
 */
static void
cnode_build(struct cnode *c, const json_t *v, const struct lc_type *t,
    bool sort, bool deep)
{
	const struct lc_type *et = elem_type(t);
	size_t		      i;

	memset(c, 0, sizeof(*c));
	c->v = v;
	c->float_rule = t != NULL && t->kind == LC_TYPE_DOUBLE;
	c->rank = rank(v);
	switch (json_typeof(v)) {
	case JSON_INTEGER:
		c->is_int = true;
		c->i = json_integer_value(v);
		return;
	case JSON_REAL:
		c->d = json_real_value(v);
		return;
	case JSON_STRING:
		c->s = json_string_value(v);
		c->n = json_string_length(v);
		return;
	case JSON_ARRAY:
		break;
	default:
		return;
	}
	c->n = json_array_size(v);
	if (t != NULL && t->kind == LC_TYPE_TREENODE)
		while (c->n > 0 && json_is_null(json_array_get(v, c->n - 1)))
			c->n--;
	if (c->n == 0)
		return;
	c->kids = xcalloc(c->n, sizeof(*c->kids));
	for (i = 0; i < c->n; i++)
		cnode_build(&c->kids[i], json_array_get(v, i), et, deep, deep);
	/* Linked lists and trees have an order of their own. */
	if (sort && (t == NULL || t->kind == LC_TYPE_LIST)) {
		qsort(c->kids, c->n, sizeof(*c->kids), cnode_qsort_cmp);
		c->sorted = true;
	}
}

static void
cnode_free(struct cnode *c)
{
	size_t i;

	if (c->rank != RANK_ARRAY)
		return;
	for (i = 0; c->kids != NULL && i < c->n; i++)
		cnode_free(&c->kids[i]);
	free(c->kids);
	c->kids = NULL;
}

struct cmp_ctx {
	bool	    float_all; /* LC_FLOAT */
	double	    tol;
	char	   *msg; /* NULL: quiet */
	size_t	    msglen;
	struct path path;
};

static bool
num_equal(const struct cmp_ctx *x, const struct cnode *e,
    const struct cnode *g)
{
	double a, b, d;

	/* Integers are exact unless the type says double. */
	if (e->is_int && g->is_int && !e->float_rule)
		return e->i == g->i;
	if (!x->float_all && !e->float_rule)
		return num_order(e, g) == 0;
	a = e->is_int ? (double)e->i : e->d;
	b = g->is_int ? (double)g->i : g->d;
	d = fabs(a - b);
	return d <= x->tol || d <= x->tol * fabs(a);
}

/* Report "expected E, got G" at the current path, unless quiet. */
static bool
differ(struct cmp_ctx *x, const json_t *e, const json_t *g)
{
	char pre[sizeof(x->path.buf) + 4], se[SHOW_MAX + 1], sg[SHOW_MAX + 1];

	if (x->msg == NULL)
		return false;
	show(e, se, sizeof(se));
	show(g, sg, sizeof(sg));
	set_msg(x->msg, x->msglen, "%sexpected %s, got %s",
	    path_prefix(&x->path, pre, sizeof(pre)), se, sg);
	return false;
}

static bool
cnode_equal(struct cmp_ctx *x, const struct cnode *e, const struct cnode *g)
{
	char   pre[sizeof(x->path.buf) + 4], s[SHOW_MAX + 1];
	size_t i;

	if (e->rank != g->rank)
		return differ(x, e->v, g->v);
	switch (e->rank) {
	case RANK_NUMBER:
		return num_equal(x, e, g) || differ(x, e->v, g->v);
	case RANK_STRING:
		return str_order(e, g) == 0 || differ(x, e->v, g->v);
	case RANK_ARRAY:
		break;
	case RANK_OBJECT:
		return json_equal(e->v, g->v) || differ(x, e->v, g->v);
	default:
		return true; /* null, true, false: the rank says it all */
	}

	if (e->n != g->n) {
		if (x->msg != NULL)
			set_msg(x->msg, x->msglen, "%sexpected %zu elements, "
			    "got %zu%s", path_prefix(&x->path, pre,
			    sizeof(pre)), e->n, g->n,
			    e->sorted ? " (in any order)" : "");
		return false;
	}
	if (e->sorted) {
		char  *msg = x->msg;
		bool   ok = true;

		/* Whole elements match or not: sorted indices mean nothing. */
		x->msg = NULL;
		for (i = 0; i < e->n && ok; i++)
			ok = cnode_equal(x, &e->kids[i], &g->kids[i]);
		x->msg = msg;
		if (ok)
			return true;
		i--;
		if (msg != NULL) {
			bool missing = cnode_order(&e->kids[i],
			    &g->kids[i]) < 0;

			show(missing ? e->kids[i].v : g->kids[i].v, s,
			    sizeof(s));
			set_msg(msg, x->msglen, "%sin any order: %s%s%s",
			    path_prefix(&x->path, pre, sizeof(pre)),
			    missing ? "expected element " :
				      "got unexpected element ",
			    s, missing ? " is missing" : "");
		}
		return false;
	}
	for (i = 0; i < e->n; i++) {
		size_t old = path_push(&x->path, i);
		bool   ok = cnode_equal(x, &e->kids[i], &g->kids[i]);

		path_pop(&x->path, old);
		if (!ok)
			return false;
	}
	return true;
}

int
lc_compare(const json_t *expected, const json_t *got,
    const struct lc_compare_opts *opts, char *msg, size_t msglen)
{
	struct lc_compare_opts def = { LC_EXACT, 0, NULL };
	struct cmp_ctx	       x;
	struct cnode	       e, g;
	bool		       sort, deep, eq;

	if (opts == NULL)
		opts = &def;
	if (msg != NULL && msglen > 0)
		msg[0] = '\0';
	if (opts->mode == LC_CHECKER) {
		set_msg(msg, msglen, "mode \"checker\" needs a checker "
		    "program");
		return -1;
	}
	if (expected == NULL || got == NULL) {
		set_msg(msg, msglen, "no value to compare");
		return -1;
	}
	memset(&x, 0, sizeof(x));
	x.float_all = opts->mode == LC_FLOAT;
	x.tol = opts->tolerance > 0 ? opts->tolerance : LC_DEFAULT_TOLERANCE;
	x.msg = msglen > 0 ? msg : NULL;
	x.msglen = msglen;

	sort = opts->mode == LC_UNORDERED || opts->mode == LC_UNORDERED_DEEP;
	deep = opts->mode == LC_UNORDERED_DEEP;
	cnode_build(&e, expected, opts->type, sort, deep);
	cnode_build(&g, got, opts->type, sort, deep);
	eq = cnode_equal(&x, &e, &g);
	cnode_free(&e);
	cnode_free(&g);
	return eq ? 1 : 0;
}
