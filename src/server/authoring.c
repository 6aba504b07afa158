/*
 * server/authoring.c -- admins' problems: definitions into problem
 * directories, those and unpacked packages (package.c) installed
 * atomically; see authoring.h.
 */
#include "server/authoring.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/harness.h"
#include "judge/lang.h"
#include "judge/lcvalue.h"
#include "judge/problem.h"
#include "server/app.h"
#include "server/catalog.h"
#include "server/files.h"
#include "util/log.h"
#include "util/xalloc.h"

#define MAX_TITLE     200
#define MAX_TAGS      20
#define MAX_TAG	      50
#define MAX_STATEMENT ((size_t)256 << 10)
#define MAX_TESTS     1000
#define MAX_TEST_NAME 64
#define MAX_VALIDATOR 200

/*** The authored root ******************************************************/

char *
authoring_open_root(const char *dir)
{
	char	       real[PATH_MAX];
	DIR	      *d;
	struct dirent *e;

	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		log_warn("authoring: cannot create %s", dir);
		return NULL;
	}
	if (realpath(dir, real) == NULL || (d = opendir(real)) == NULL) {
		log_warn("authoring: %s", dir);
		return NULL;
	}
	/* What a crash in the middle of an install left behind. */
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, ".tmp-", 5) == 0) {
			char *p = xasprintf("%s/%s", real, e->d_name);

			log_info("authoring: removing leftover %s", p);
			files_rmtree(p);
			free(p);
		}
	}
	closedir(d);
	return xstrdup(real);
}

/*** Definitions ************************************************************/

static enum authoring_rc
invalid(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum authoring_rc
invalid(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return AUTHORING_INVALID;
}

/* Printable text: no control characters but tab (and newline if ml). */
static bool
plain_text(const char *s, size_t n, bool ml)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && !(ml && (c == '\n' || c == '\r')))
		    || c == 0x7f)
			return false;
	}
	return true;
}

/* A test name: segments of [A-Za-z0-9_-] joined by '/', at most 4. */
static bool
valid_test_name(const char *s)
{
	size_t n = strlen(s), i, seg = 0, depth = 1;

	if (n == 0 || n > MAX_TEST_NAME)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '/') {
			if (seg == 0 || ++depth > 4)
				return false;
			seg = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
		seg++;
	}
	return seg > 0;
}

/* The parsed signature's parameter types, for checking test values. */
struct sig_types {
	struct lc_type **params;
	size_t		 n;
	struct lc_type	*ret;	/* NULL: not checked (void, in place) */
	bool		 design; /* a design problem: lines not typed */
};

static void
sig_types_free(struct sig_types *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		lc_type_free(t->params[i]);
	free(t->params);
	lc_type_free(t->ret);
	memset(t, 0, sizeof(*t));
}

static enum authoring_rc
sig_types_parse(json_t *sig, struct sig_types *t, char *err, size_t errlen)
{
	json_t	   *params = json_object_get(sig, "params"), *v;
	const char *rt;
	size_t	    i;

	memset(t, 0, sizeof(*t));
	if (json_object_get(sig, "classname") != NULL) {
		t->design = true;
		return AUTHORING_OK;
	}
	t->params = xcalloc(json_array_size(params) + 1, sizeof(*t->params));
	json_array_foreach(params, i, v) {
		const char *ty = json_string_value(json_object_get(v, "type"));

		t->params[i] = ty ? lc_type_parse(ty, NULL, 0) : NULL;
		t->n = i + 1;
		if (t->params[i] == NULL)
			return invalid(err, errlen,
			    "signature: parameter %zu has no supported type",
			    i + 1);
	}
	rt = json_string_value(json_object_get(
	    json_object_get(sig, "return"), "type"));
	if (rt != NULL && strcmp(rt, "void") != 0 &&
	    json_object_get(sig, "output") == NULL)
		t->ret = lc_type_parse(rt, NULL, 0);
	return AUTHORING_OK;
}

/*
 * A function test: one JSON value per non-blank line, one line per
 * parameter and of its type; the answer one JSON value (of the return
 * type when there is one).
 */
static enum authoring_rc
check_function_test(const struct sig_types *t, const char *what,
    const char *in, size_t inlen, const char *ans, size_t anslen,
    char *err, size_t errlen)
{
	const char *s = in, *end = in + inlen;
	size_t	    lines = 0;
	char	    why[200];
	json_t	   *v;

	while (s < end) {
		const char *e = memchr(s, '\n', (size_t)(end - s));
		const char *next = e ? e + 1 : end;
		const char *a = s, *b = e ? e : end;

		while (a < b && (*a == ' ' || *a == '\t' || *a == '\r'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (b > a) {
			lines++;
			if (!t->design && lines <= t->n) {
				v = lc_value_parse(a, (size_t)(b - a), why,
				    sizeof(why));
				if (v == NULL)
					return invalid(err, errlen,
					    "%s: line %zu: %s", what, lines,
					    why);
				if (lc_value_check(v, t->params[lines - 1],
					why, sizeof(why)) != 0) {
					json_decref(v);
					return invalid(err, errlen,
					    "%s: parameter %zu: %s", what,
					    lines, why);
				}
				json_decref(v);
			}
		}
		s = next;
	}
	if (lines != (t->design ? 2 : t->n))
		return invalid(err, errlen,
		    "%s: %zu value lines in the input, the signature has %zu "
		    "parameters",
		    what, lines, t->design ? (size_t)2 : t->n);
	if ((v = lc_value_parse(ans, anslen, why, sizeof(why))) == NULL)
		return invalid(err, errlen, "%s: answer: %s", what, why);
	if (t->ret != NULL &&
	    lc_value_check(v, t->ret, why, sizeof(why)) != 0) {
		json_decref(v);
		return invalid(err, errlen, "%s: answer: %s", what, why);
	}
	json_decref(v);
	return AUTHORING_OK;
}

/* Validator flags: the Kattis default validator's words only. */
static bool
valid_validator(const char *s)
{
	char  *copy = xstrdup(s), *tok, *save = NULL;
	bool   ok = true, want_num = false;

	for (tok = strtok_r(copy, " \t", &save); tok != NULL && ok;
	     tok = strtok_r(NULL, " \t", &save)) {
		if (want_num) {
			char  *end;
			double d = strtod(tok, &end);

			ok = *end == '\0' && d >= 0 && d < 1e6;
			want_num = false;
		} else if (strcmp(tok, "float_tolerance") == 0 ||
			   strcmp(tok, "float_relative_tolerance") == 0 ||
			   strcmp(tok, "float_absolute_tolerance") == 0) {
			want_num = true;
		} else {
			ok = strcmp(tok, "case_sensitive") == 0 ||
			     strcmp(tok, "space_change_sensitive") == 0;
		}
	}
	free(copy);
	return ok && !want_num;
}

/* One field of the definition: present with the JSON type, or absent. */
static json_t *
field(json_t *def, const char *key, json_type type, bool required,
    enum authoring_rc *rc, char *err, size_t errlen)
{
	static const char *const names[] = { [JSON_OBJECT] = "an object",
		[JSON_ARRAY] = "an array", [JSON_STRING] = "a string",
		[JSON_INTEGER] = "an integer", [JSON_REAL] = "a number",
		[JSON_TRUE] = "a boolean", [JSON_FALSE] = "a boolean",
		[JSON_NULL] = "null" };
	json_t *v = json_object_get(def, key);

	if (*rc != AUTHORING_OK)
		return NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			*rc = invalid(err, errlen, "missing field \"%s\"", key);
		return NULL;
	}
	if (json_typeof(v) == type ||
	    (type == JSON_TRUE && json_is_boolean(v)) ||
	    (type == JSON_REAL && json_is_number(v)))
		return v;
	*rc = invalid(err, errlen, "field \"%s\" must be %s", key,
	    names[type]);
	return NULL;
}

/* A string field's text and length, NUL-free and plain when asked. */
static const char *
text_field(json_t *def, const char *key, bool required, size_t max,
    bool multiline, size_t *len, enum authoring_rc *rc, char *err,
    size_t errlen)
{
	json_t	   *v = field(def, key, JSON_STRING, required, rc, err, errlen);
	const char *s;

	*len = 0;
	if (v == NULL)
		return NULL;
	s = json_string_value(v);
	*len = json_string_length(v);
	if (*len > max)
		*rc = invalid(err, errlen, "field \"%s\" is over %zu bytes", key,
		    max);
	else if (memchr(s, '\0', *len) != NULL ||
		 !plain_text(s, *len, multiline))
		*rc = invalid(err, errlen,
		    "field \"%s\" holds control characters", key);
	return *rc == AUTHORING_OK ? s : NULL;
}

/* The keys a definition may have ("slug" and "authored": read-only). */
static const char *const def_keys[] = { "title", "difficulty", "tags",
	"kind", "statement", "signature", "compare", "validator", "limits",
	"starter", "samples", "tests", "hidden", "slug", "authored", NULL };

static enum authoring_rc
check_keys(json_t *obj, const char *const *keys, const char *where,
    char *err, size_t errlen)
{
	const char *key;
	json_t	   *v;
	size_t	    i;

	json_object_foreach(obj, key, v) {
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(keys[i], key) == 0)
				break;
		if (keys[i] == NULL)
			return invalid(err, errlen, "unknown field \"%.64s\"%s",
			    key, where);
	}
	return AUTHORING_OK;
}

/* The file stem of test i of a list: its name, or its 1-based index. */
static char *
test_stem(json_t *t, size_t i, size_t n)
{
	json_t *name = json_object_get(t, "name");

	if (json_is_string(name))
		return xstrdup(json_string_value(name));
	return xasprintf(n >= 100 ? "%03zu" : "%02zu", i + 1);
}

/*
 * A test's data field: a string without NUL bytes, within the file cap.
 * (Stdio data may hold any other character.)
 */
static const char *
data_field(json_t *t, const char *key, const char *where, size_t *len,
    enum authoring_rc *rc, char *err, size_t errlen)
{
	json_t *v = json_object_get(t, key);

	*len = 0;
	if (*rc != AUTHORING_OK)
		return NULL;
	if (!json_is_string(v)) {
		*rc = invalid(err, errlen, "%s%s must be a string", key, where);
		return NULL;
	}
	*len = json_string_length(v);
	if (*len > AUTHORING_MAX_FILE ||
	    memchr(json_string_value(v), '\0', *len) != NULL) {
		*rc = invalid(err, errlen, "%s%s is over %zu bytes or holds a "
		    "NUL", key, where, AUTHORING_MAX_FILE);
		return NULL;
	}
	return json_string_value(v);
}

/* The test lists: names, duplicates, data, fit to the signature. */
static enum authoring_rc
check_tests(json_t *arr, const char *group, const struct sig_types *types,
    char *err, size_t errlen)
{
	static const char *const keys[] = { "name", "input", "answer", NULL };
	json_t			*t, *nv;
	size_t			 i, j, inlen, anslen;
	enum authoring_rc	 rc = AUTHORING_OK;
	const char		*name, *in, *ans;
	char			*stem, *other;
	bool			 same;
	char			 what[MAX_TEST_NAME + 32], where[48];

	json_array_foreach(arr, i, t) {
		snprintf(where, sizeof(where), " of %s %zu", group, i + 1);
		if (!json_is_object(t))
			return invalid(err, errlen, "%s %zu must be an object",
			    group, i + 1);
		if ((rc = check_keys(t, keys, where, err, errlen)) !=
		    AUTHORING_OK)
			return rc;
		in = data_field(t, "input", where, &inlen, &rc, err, errlen);
		ans = data_field(t, "answer", where, &anslen, &rc, err, errlen);
		if (rc != AUTHORING_OK)
			return rc;
		nv = json_object_get(t, "name");
		name = json_string_value(nv);
		if (nv != NULL && (name == NULL || !valid_test_name(name)))
			return invalid(err, errlen,
			    "the name%s: 1 to %d letters, digits, '_', '-' "
			    "(and '/' between groups)",
			    where, MAX_TEST_NAME);
		/* Names, given or by position, become file names. */
		stem = test_stem(t, i, json_array_size(arr));
		for (j = 0; j < i; j++) {
			other = test_stem(json_array_get(arr, j), j,
			    json_array_size(arr));
			same = strcmp(other, stem) == 0;
			free(other);
			if (same) {
				rc = invalid(err, errlen,
				    "two %s tests are named \"%s\" (unnamed "
				    "tests are named by position)",
				    group, stem);
				free(stem);
				return rc;
			}
		}
		free(stem);
		if (name != NULL)
			snprintf(what, sizeof(what), "%s %s", group, name);
		else
			snprintf(what, sizeof(what), "%s %zu", group, i + 1);
		if (types != NULL &&
		    (rc = check_function_test(types, what, in, inlen, ans,
			 anslen, err, errlen)) != AUTHORING_OK)
			return rc;
	}
	return AUTHORING_OK;
}

/* Write tests/<group>/<stem>.in|.ans for each test of arr. */
static int
write_tests(int dfd, json_t *arr, const char *group)
{
	json_t *t;
	size_t	i, n = json_array_size(arr);

	json_array_foreach(arr, i, t) {
		json_t *in = json_object_get(t, "input");
		json_t *ans = json_object_get(t, "answer");
		char   *stem = test_stem(t, i, n);
		char   *p = xasprintf("tests/%s/%s.in", group, stem);
		char   *q = xasprintf("tests/%s/%s.ans", group, stem);
		size_t	inlen = json_string_length(in);
		int	rc;

		rc = files_put(dfd, p, json_string_value(in), inlen);
		if (rc == 0)
			rc = files_put(dfd, q, json_string_value(ans),
			    json_string_length(ans));
		free(q);
		free(p);
		free(stem);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Function inputs without a final newline get one (the loader's format). */
static void
end_lines(json_t *arr)
{
	json_t *t, *in;
	size_t	i, n;

	json_array_foreach(arr, i, t) {
		in = json_object_get(t, "input");
		n = json_string_length(in);
		if (n > 0 && json_string_value(in)[n - 1] != '\n') {
			char *s = xmalloc(n + 2);

			memcpy(s, json_string_value(in), n);
			s[n] = '\n';
			s[n + 1] = '\0';
			json_object_set_new(t, "input", json_stringn(s, n + 1));
			free(s);
		}
	}
}

/* Check the starters and write starter/<language>.<ext>. */
static enum authoring_rc
check_starters(json_t *starter, bool function, size_t max_code, char *err,
    size_t errlen)
{
	const struct language *l;
	const char	      *key;
	json_t		      *v;

	json_object_foreach(starter, key, v) {
		if ((l = language_find(key)) == NULL)
			return invalid(err, errlen,
			    "starter: unknown language \"%.64s\"", key);
		if (function && !l->function)
			return invalid(err, errlen,
			    "starter: %s cannot solve function problems", key);
		if (!json_is_string(v))
			return invalid(err, errlen,
			    "starter.%s must be a string", key);
		if (json_string_length(v) > max_code ||
		    memchr(json_string_value(v), '\0',
			json_string_length(v)) != NULL)
			return invalid(err, errlen,
			    "starter.%s is over %zu bytes or holds a NUL", key,
			    max_code);
	}
	return AUTHORING_OK;
}

static int
write_starters(int dfd, json_t *starter)
{
	const struct lang_table *tab = lang_table_default();
	const char		*key;
	json_t			*v;

	json_object_foreach(starter, key, v) {
		const struct lang *l = tab ? lang_find(tab, key) : NULL;
		const char	  *ext = l && l->extensions && l->extensions[0]
					     ? l->extensions[0]
					     : "txt";
		char		  *p = xasprintf("starter/%s.%s", key, ext);
		int		   rc = files_put(dfd, p, json_string_value(v),
				json_string_length(v));

		free(p);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* problem.json of a checked definition. New reference. */
static json_t *
problem_json(json_t *def, bool function)
{
	json_t *m = json_object(), *v, *lim;

	json_object_set(m, "title", json_object_get(def, "title"));
	v = json_object_get(def, "difficulty");
	json_object_set_new(m, "difficulty", json_is_string(v)
						 ? json_copy(v)
						 : json_string("Medium"));
	v = json_object_get(def, "tags");
	json_object_set_new(m, "tags", json_is_array(v) ? json_deep_copy(v)
						       : json_array());
	json_object_set(m, "kind", json_object_get(def, "kind"));
	if (function) {
		json_object_set_new(m, "signature",
		    json_deep_copy(json_object_get(def, "signature")));
		v = json_object_get(def, "compare");
		json_object_set_new(m, "compare",
		    json_is_object(v) ? json_deep_copy(v)
				      : json_pack("{s:s}", "mode", "exact"));
	} else if (json_is_string(json_object_get(def, "validator"))) {
		json_object_set(m, "validator",
		    json_object_get(def, "validator"));
	}
	lim = json_object_get(def, "limits");
	json_object_set_new(m, "limits",
	    json_pack("{s:I,s:I}", "time_ms",
		json_is_integer(json_object_get(lim, "time_ms"))
		    ? json_integer_value(json_object_get(lim, "time_ms"))
		    : (json_int_t)PROBLEM_DEFAULT_TIME_MS,
		"memory_mb",
		json_is_integer(json_object_get(lim, "memory_mb"))
		    ? json_integer_value(json_object_get(lim, "memory_mb"))
		    : (json_int_t)PROBLEM_DEFAULT_MEMORY_MB));
	return m;
}

/* An integer field of obj within [lo, hi], or absent. */
static enum authoring_rc
int_in(json_t *obj, const char *key, json_int_t lo, json_int_t hi,
    char *err, size_t errlen)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL)
		return AUTHORING_OK;
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi)
		return invalid(err, errlen,
		    "limits.%s must be an integer from %lld to %lld", key,
		    (long long)lo, (long long)hi);
	return AUTHORING_OK;
}

/* Check everything of def but the tests' fit to the signature. */
static enum authoring_rc
check_def(json_t *def, const char *slug, size_t max_code, bool *function,
    char *err, size_t errlen)
{
	static const char *const lim_keys[] = { "time_ms", "memory_mb", NULL };
	static const char *const cmp_keys[] = { "mode", "tolerance", NULL };
	enum authoring_rc	 rc;
	json_t			*v, *tags, *sig, *cmp, *lim, *starter;
	const char		*s;
	size_t			 n, i;
	char			*why = NULL;

	if ((rc = check_keys(def, def_keys, "", err, errlen)) != AUTHORING_OK)
		return rc;
	v = field(def, "slug", JSON_STRING, false, &rc, err, errlen);
	if (v != NULL && strcmp(json_string_value(v), slug) != 0)
		return invalid(err, errlen, "field \"slug\" is not %s", slug);
	field(def, "authored", JSON_TRUE, false, &rc, err, errlen);
	field(def, "hidden", JSON_TRUE, false, &rc, err, errlen);
	s = text_field(def, "title", true, MAX_TITLE, false, &n, &rc, err,
	    errlen);
	if (rc == AUTHORING_OK && n == 0)
		return invalid(err, errlen, "the title is empty");
	s = text_field(def, "difficulty", false, 16, false, &n, &rc, err,
	    errlen);
	if (s != NULL && strcmp(s, "Easy") != 0 && strcmp(s, "Medium") != 0 &&
	    strcmp(s, "Hard") != 0)
		return invalid(err, errlen,
		    "difficulty must be Easy, Medium or Hard");
	tags = field(def, "tags", JSON_ARRAY, false, &rc, err, errlen);
	if (json_array_size(tags) > MAX_TAGS)
		return invalid(err, errlen, "at most %d tags", MAX_TAGS);
	json_array_foreach(tags, i, v) {
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) > MAX_TAG ||
		    !plain_text(json_string_value(v), json_string_length(v),
			false) ||
		    memchr(json_string_value(v), '\0', json_string_length(v)))
			return invalid(err, errlen,
			    "tags must be strings of 1 to %d characters",
			    MAX_TAG);
	}
	s = text_field(def, "kind", true, 16, false, &n, &rc, err, errlen);
	if (s != NULL && strcmp(s, "function") != 0 && strcmp(s, "stdio") != 0)
		return invalid(err, errlen, "kind must be function or stdio");
	*function = s != NULL && strcmp(s, "function") == 0;
	text_field(def, "statement", true, MAX_STATEMENT, true, &n, &rc, err,
	    errlen);
	sig = field(def, "signature", JSON_OBJECT, *function, &rc, err,
	    errlen);
	cmp = field(def, "compare", JSON_OBJECT, false, &rc, err, errlen);
	s = text_field(def, "validator", false, MAX_VALIDATOR, false, &n, &rc,
	    err, errlen);
	lim = field(def, "limits", JSON_OBJECT, false, &rc, err, errlen);
	starter = field(def, "starter", JSON_OBJECT, false, &rc, err, errlen);
	field(def, "samples", JSON_ARRAY, true, &rc, err, errlen);
	field(def, "tests", JSON_ARRAY, true, &rc, err, errlen);
	if (rc != AUTHORING_OK)
		return rc;
	if (!*function && sig != NULL)
		return invalid(err, errlen, "a stdio problem has no signature");
	if (!*function && cmp != NULL)
		return invalid(err, errlen,
		    "a stdio problem has a validator, not compare");
	if (*function && s != NULL)
		return invalid(err, errlen,
		    "a function problem has compare, not a validator");
	if (s != NULL && !valid_validator(s))
		return invalid(err, errlen,
		    "validator: only case_sensitive, space_change_sensitive "
		    "and float_(relative_|absolute_)tolerance N");
	if (sig != NULL) {
		char *text = json_dumps(sig, JSON_COMPACT);

		n = text ? strlen(text) : 0;
		free(text);
		if (n == 0 || n > 65536)
			return invalid(err, errlen, "the signature is too large");
		if (harness_signature_check(sig, &why) != 0) {
			rc = invalid(err, errlen, "signature: %s",
			    why ? why : "not supported");
			free(why);
			return rc;
		}
	}
	if (cmp != NULL) {
		enum lc_mode m;

		if ((rc = check_keys(cmp, cmp_keys, " in compare", err,
			 errlen)) != AUTHORING_OK)
			return rc;
		v = json_object_get(cmp, "mode");
		if (!json_is_string(v) ||
		    lc_mode_parse(json_string_value(v), &m) != 0 ||
		    m == LC_CHECKER)
			return invalid(err, errlen,
			    "compare.mode must be exact, float, unordered or "
			    "unordered_deep");
		v = json_object_get(cmp, "tolerance");
		if (v != NULL && (!json_is_number(v) ||
				     !(json_number_value(v) > 0) ||
				     json_number_value(v) >= 1))
			return invalid(err, errlen,
			    "compare.tolerance must be a number in (0, 1)");
	}
	if (lim != NULL) {
		if ((rc = check_keys(lim, lim_keys, " in limits", err,
			 errlen)) != AUTHORING_OK ||
		    (rc = int_in(lim, "time_ms", 50, 60000, err, errlen)) !=
			AUTHORING_OK ||
		    (rc = int_in(lim, "memory_mb", 16, 4096, err, errlen)) !=
			AUTHORING_OK)
			return rc;
	}
	if (starter != NULL &&
	    (rc = check_starters(starter, *function, max_code, err, errlen)) !=
		AUTHORING_OK)
		return rc;
	n = json_array_size(json_object_get(def, "samples")) +
	    json_array_size(json_object_get(def, "tests"));
	if (n == 0)
		return invalid(err, errlen, "a problem needs at least one test");
	if (n > MAX_TESTS)
		return invalid(err, errlen, "at most %d tests in all", MAX_TESTS);
	return AUTHORING_OK;
}

enum authoring_rc
authoring_build(const char *root, const char *slug, json_t *def,
    size_t max_code, struct authoring_def *out, char **tmpdir, char *err,
    size_t errlen)
{
	struct sig_types  types;
	enum authoring_rc rc;
	json_t		 *meta = NULL, *samples, *tests, *v;
	char		 *text = NULL, *dir = NULL;
	bool		  function = false;
	int		  dfd = -1;

	memset(out, 0, sizeof(*out));
	memset(&types, 0, sizeof(types));
	*tmpdir = NULL;
	if ((rc = check_def(def, slug, max_code, &function, err, errlen)) !=
	    AUTHORING_OK)
		return rc;
	if (function && (rc = sig_types_parse(json_object_get(def,
			     "signature"), &types, err, errlen)) !=
			    AUTHORING_OK)
		goto out;
	samples = json_object_get(def, "samples");
	tests = json_object_get(def, "tests");
	if ((rc = check_tests(samples, "sample", function ? &types : NULL, err,
		 errlen)) != AUTHORING_OK ||
	    (rc = check_tests(tests, "test", function ? &types : NULL, err,
		 errlen)) != AUTHORING_OK)
		goto out;
	if (function) {
		end_lines(samples);
		end_lines(tests);
	}
	v = json_object_get(def, "hidden");
	out->hidden_set = json_is_boolean(v);
	out->hidden = json_is_true(v);
	out->ntests = json_array_size(samples) + json_array_size(tests);

	rc = AUTHORING_ERR;
	if ((dir = files_tmpdir(root, slug)) == NULL)
		goto out;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) <
	    0)
		goto out;
	meta = problem_json(def, function);
	text = json_dumps(meta, JSON_INDENT(2));
	v = json_object_get(def, "statement");
	if (text == NULL ||
	    files_put(dfd, "problem.json", text, strlen(text)) != 0 ||
	    files_put(dfd, "statement.md", json_string_value(v),
		json_string_length(v)) != 0 ||
	    write_starters(dfd, json_object_get(def, "starter")) != 0 ||
	    write_tests(dfd, samples, "sample") != 0 ||
	    write_tests(dfd, tests, "secret") != 0)
		goto out;
	*tmpdir = dir;
	dir = NULL;
	rc = AUTHORING_OK;
out:
	if (rc == AUTHORING_ERR)
		snprintf(err, errlen, "cannot write the problem to disk");
	if (dfd >= 0)
		close(dfd);
	if (dir != NULL) {
		files_rmtree(dir);
		free(dir);
	}
	free(text);
	json_decref(meta);
	sig_types_free(&types);
	return rc;
}

/*** Install ****************************************************************/

/* The judge's loader on dir, and the harness on a function signature. */
static enum authoring_rc
load_check(const char *dir, size_t *ntests, char *err, size_t errlen)
{
	struct problem *jp;
	json_t	       *sig;
	char	       *why = NULL;
	enum authoring_rc rc = AUTHORING_OK;

	if (problem_load(dir, &jp, err, errlen) != 0)
		return AUTHORING_INVALID;
	*ntests = jp->ntests;
	if (jp->kind == PROBLEM_FUNCTION) {
		sig = json_loads(jp->signature ? jp->signature : "", 0, NULL);
		if (sig == NULL || harness_signature_check(sig, &why) != 0)
			rc = invalid(err, errlen, "signature: %s",
			    why ? why : "not supported");
		free(why);
		json_decref(sig);
	}
	problem_free(jp);
	return rc;
}

enum authoring_rc
authoring_install(struct store *st, const char *root, const char *slug,
    const char *tmpdir, const char *pkgdir, bool *created, size_t *ntests,
    char *err, size_t errlen)
{
	struct stat	  sb;
	enum authoring_rc rc;
	char		 *target = xasprintf("%s/%s", root, slug);
	bool		  existed;
	int		  r;

	*created = false;
	*ntests = 0;
	if ((rc = load_check(pkgdir, ntests, err, errlen)) != AUTHORING_OK)
		goto out;
	if (chmod(pkgdir, 0755) != 0) {
		rc = AUTHORING_ERR;
		goto out;
	}
	catalog_lock();
	existed = lstat(target, &sb) == 0;
	if (existed && !S_ISDIR(sb.st_mode)) {
		log_warnx("authoring: %s is not a directory", target);
		rc = AUTHORING_ERR;
	} else if (renameat2(AT_FDCWD, pkgdir, AT_FDCWD, target,
		       existed ? RENAME_EXCHANGE : RENAME_NOREPLACE) != 0) {
		log_warn("authoring: rename %s to %s", pkgdir, target);
		rc = AUTHORING_ERR;
	} else if ((r = catalog_import(st, target, slug, true, true, err,
			errlen)) != 0) {
		/* Put the old one (or none) back: the store kept its copy. */
		if (renameat2(AT_FDCWD, pkgdir, AT_FDCWD, target,
			existed ? RENAME_EXCHANGE : 0) != 0)
			log_warn("authoring: cannot put %s back", target);
		rc = r == -2 ? AUTHORING_ERR : AUTHORING_INVALID;
	} else {
		*created = !existed;
	}
	catalog_unlock();
out:
	if (rc == AUTHORING_ERR && err[0] == '\0')
		snprintf(err, errlen, "cannot install the problem on disk");
	/* The temporary directory: now the old copy, or leftovers. */
	files_rmtree(tmpdir);
	free(target);
	return rc;
}

/*** The definition of a stored problem *************************************/

static json_t *
tests_json(const struct store_test *t, size_t n)
{
	json_t *arr = json_array();
	size_t	i;

	for (i = 0; i < n; i++)
		json_array_append_new(arr,
		    json_pack("{s:s,s:o,s:o}", "name", t[i].name, "input",
			json_text(t[i].input, t[i].input_len), "answer",
			json_text(t[i].answer, t[i].answer_len)));
	return arr;
}

json_t *
authoring_definition(const struct store_problem *p)
{
	json_t *d = json_object(), *meta = NULL;
	char   *path;

	json_object_set_new(d, "slug", json_string(p->slug));
	json_object_set_new(d, "title", json_text(p->title, strlen(p->title)));
	json_object_set_new(d, "difficulty", json_string(p->difficulty));
	json_object_set_new(d, "tags",
	    json_parse_or(p->tags_json, json_array()));
	json_object_set_new(d, "kind", json_string(p->kind));
	json_object_set_new(d, "statement",
	    json_text(p->statement, strlen(p->statement)));
	json_object_set_new(d, "signature",
	    json_parse_or(p->signature_json, json_null()));
	/* Compare and validator live only in problem.json. */
	if (p->dir != NULL && p->dir[0] != '\0') {
		path = xasprintf("%s/problem.json", p->dir);
		meta = json_load_file(path, 0, NULL);
		free(path);
	}
	if (strcmp(p->kind, "function") == 0) {
		json_t *c = json_object_get(meta, "compare");

		json_object_set_new(d, "compare",
		    json_is_object(c) ? json_deep_copy(c)
				      : json_pack("{s:s}", "mode", "exact"));
	} else {
		json_t *v = json_object_get(meta, "validator");

		json_object_set_new(d, "validator",
		    json_is_string(v) ? json_copy(v) : json_null());
	}
	json_decref(meta);
	json_object_set_new(d, "limits",
	    json_pack("{s:I,s:I}", "time_ms", (json_int_t)p->time_ms,
		"memory_mb", (json_int_t)p->memory_mb));
	json_object_set_new(d, "starter",
	    json_parse_or(p->starter_json, json_object()));
	json_object_set_new(d, "samples", tests_json(p->samples, p->nsamples));
	json_object_set_new(d, "tests", tests_json(p->secret, p->nsecret));
	json_object_set_new(d, "hidden", json_boolean(p->hidden));
	json_object_set_new(d, "authored", json_boolean(p->authored));
	return d;
}
