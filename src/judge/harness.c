/*
 * judge/harness.c -- check LeetCode signatures, write the C++ harness's
 * translation unit, and build the harnesses' stdin (see harness.h).
 *
 * No I/O beyond memory streams, no global state: every function is a unit
 * test away (tests/unit/judge/test_harness.c).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/harness.h"
#include "util/xalloc.h"

/* Types deeper than this are not LeetCode's (list<list<list<...>>>). */
#define MAX_DEPTH 4

static const struct {
	const char *lc;	 /* LeetCode's name */
	const char *cpp; /* the C++ type of a parameter */
} base_types[] = {
	{ "integer", "int" },	  { "long", "long long" },
	{ "double", "double" },	  { "boolean", "bool" },
	{ "character", "char" },  { "string", "std::string" },
	{ "ListNode", "ListNode *" }, { "TreeNode", "TreeNode *" },
};

/*
 * The C++ type of lc_type[0..len), or NULL. Recursive: "T[]" and "list<T>"
 * become std::vector<T>. Caller owns the result.
 */
static char *
cpp_type(const char *t, size_t len, int depth)
{
	char *inner, *out;

	while (len > 0 && isspace((unsigned char)t[0])) {
		t++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)t[len - 1]))
		len--;
	if (depth > MAX_DEPTH || len == 0)
		return NULL;
	if (len > 2 && t[len - 2] == '[' && t[len - 1] == ']') {
		inner = cpp_type(t, len - 2, depth + 1);
	} else if (len > 6 && strncmp(t, "list<", 5) == 0 &&
		   t[len - 1] == '>') {
		inner = cpp_type(t + 5, len - 6, depth + 1);
	} else {
		for (size_t i = 0; i < sizeof(base_types) / sizeof(*base_types);
		     i++)
			if (strlen(base_types[i].lc) == len &&
			    memcmp(base_types[i].lc, t, len) == 0)
				return xstrdup(base_types[i].cpp);
		return NULL;
	}
	if (inner == NULL)
		return NULL;
	out = xasprintf("std::vector<%s>", inner);
	free(inner);
	return out;
}

char *
harness_cpp_type(const char *lc_type)
{
	if (lc_type == NULL)
		return NULL;
	return cpp_type(lc_type, strlen(lc_type), 0);
}

static bool
is_identifier(const char *s)
{
	if (s == NULL || !(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (; *s != '\0'; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

/* The type string of a {"type": ...} object, or NULL. Borrowed. */
static const char *
type_of(const json_t *obj)
{
	return json_string_value(json_object_get(obj, "type"));
}

/* Check every {"name","type"} of params; what names them in errors. */
static int
check_params(const json_t *params, const char *what, char **err)
{
	const json_t *p;
	const char   *t;
	size_t	      i;
	char	     *ct;

	if (params == NULL)
		return 0;
	if (!json_is_array(params)) {
		*err = xasprintf("signature: %s: \"params\" must be an array",
				 what);
		return -1;
	}
	json_array_foreach(params, i, p) {
		t = type_of(p);
		ct = harness_cpp_type(t);
		if (ct == NULL) {
			*err = xasprintf("signature: %s: parameter %zu has an "
					 "unsupported type \"%s\"",
					 what, i + 1, t != NULL ? t : "(none)");
			return -1;
		}
		free(ct);
	}
	return 0;
}

/* A {"type": ...} return (NULL: void). */
static int
check_return(const json_t *ret, const char *what, char **err)
{
	const char *t = ret != NULL ? type_of(ret) : "void";
	char	   *ct;

	if (t != NULL && strcmp(t, "void") == 0)
		return 0;
	ct = harness_cpp_type(t);
	if (ct == NULL) {
		*err = xasprintf("signature: %s: unsupported return type \"%s\"",
				 what, t != NULL ? t : "(none)");
		return -1;
	}
	free(ct);
	return 0;
}

static bool
returns_void(const json_t *fn)
{
	const json_t *ret = json_object_get(fn, "return");
	const char   *t = ret != NULL ? type_of(ret) : "void";

	return t != NULL && strcmp(t, "void") == 0;
}

/* A design problem: classname, constructor.params, methods[]. */
static int
check_design(const json_t *sig, char **err)
{
	const json_t *methods, *m;
	const char   *cls, *name;
	size_t	      i;

	cls = json_string_value(json_object_get(sig, "classname"));
	if (!is_identifier(cls)) {
		*err = xstrdup("signature: \"classname\" must be an identifier");
		return -1;
	}
	if (check_params(json_object_get(json_object_get(sig, "constructor"),
					 "params"),
			 "constructor", err) != 0)
		return -1;
	methods = json_object_get(sig, "methods");
	if (!json_is_array(methods) || json_array_size(methods) == 0) {
		*err = xstrdup("signature: \"methods\" must be a non-empty "
			       "array");
		return -1;
	}
	json_array_foreach(methods, i, m) {
		name = json_string_value(json_object_get(m, "name"));
		if (!is_identifier(name)) {
			*err = xasprintf("signature: method %zu: \"name\" "
					 "must be an identifier", i + 1);
			return -1;
		}
		if (check_params(json_object_get(m, "params"), name, err) != 0 ||
		    check_return(json_object_get(m, "return"), name, err) != 0)
			return -1;
	}
	return 0;
}

int
harness_signature_check(const json_t *sig, char **err)
{
	const json_t *params, *output;
	const char   *name;

	*err = NULL;
	if (!json_is_object(sig)) {
		*err = xstrdup("the signature is not a JSON object");
		return -1;
	}
	if (json_object_get(sig, "classname") != NULL)
		return check_design(sig, err);
	name = json_string_value(json_object_get(sig, "name"));
	if (!is_identifier(name)) {
		*err = xstrdup("signature: \"name\" must be an identifier");
		return -1;
	}
	params = json_object_get(sig, "params");
	if (!json_is_array(params)) {
		*err = xstrdup("signature: \"params\" must be an array");
		return -1;
	}
	if (check_params(params, name, err) != 0 ||
	    check_return(json_object_get(sig, "return"), name, err) != 0)
		return -1;
	output = json_object_get(sig, "output");
	if (output != NULL) {
		const json_t *pi = json_object_get(output, "paramindex");

		if (!json_is_integer(pi) || json_integer_value(pi) < 0 ||
		    (size_t)json_integer_value(pi) >= json_array_size(params)) {
			*err = xstrdup("signature: output.paramindex is not "
				       "the index of a parameter");
			return -1;
		}
	}
	return 0;
}

/*
 * Declare a fresh named variable per parameter (never a temporary: the
 * methods take references) and read it with `reader` ("gavel_lc::arg" or
 * "gavel_d.arg").
 */
static void
emit_args(FILE *f, const json_t *params, const char *indent,
    const char *reader)
{
	const json_t *p;
	size_t	      i;
	char	     *ct;

	json_array_foreach(params, i, p) {
		ct = harness_cpp_type(type_of(p));
		fprintf(f, "%s%s gavel_a%zu{};\n%s%s(gavel_a%zu);\n", indent,
			ct, i, indent, reader, i);
		free(ct);
	}
}

/* "gavel_a0, gavel_a1, ..." for n parameters. */
static void
emit_call_args(FILE *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%sgavel_a%zu", i > 0 ? ", " : "", i);
}

/* The body of main's test loop for a function problem. */
static void
emit_function(FILE *f, const json_t *sig)
{
	const json_t *params = json_object_get(sig, "params");
	const json_t *output = json_object_get(sig, "output");
	const char   *name = json_string_value(json_object_get(sig, "name"));
	long long     outidx = -1;

	if (output != NULL)
		outidx = json_integer_value(json_object_get(output,
							    "paramindex"));
	emit_args(f, params, "\t\t", "gavel_lc::arg");
	fprintf(f, "\t\tgavel_lc::run([&](std::string &gavel_o) {\n"
		   "\t\t\tstd::unique_ptr<Solution> gavel_s(new Solution());\n"
		   "\t\t\tgavel_lc::%s(gavel_o, [&]() -> decltype(auto) {\n"
		   "\t\t\t\treturn gavel_s->%s(",
		outidx >= 0 ? "answer_inplace" : "answer", name);
	emit_call_args(f, json_array_size(params));
	fputs(");\n", f);
	if (outidx >= 0)
		fprintf(f, "\t\t\t}, gavel_a%lld);\n", outidx);
	else
		fputs("\t\t\t});\n", f);
	fputs("\t\t});\n", f);
}

/* The body of main's test loop for a design problem: dispatch each call
 * by name; the constructor's result and void methods' are null. */
static void
emit_design(FILE *f, const json_t *sig)
{
	const char   *cls = json_string_value(json_object_get(sig, "classname"));
	const json_t *cparams = json_object_get(
	    json_object_get(sig, "constructor"), "params");
	const json_t *methods = json_object_get(sig, "methods"), *m;
	size_t	      i;

	fprintf(f, "\t\tgavel_lc::design gavel_d;\n"
		   "\t\tgavel_d.begin();\n"
		   "\t\tgavel_lc::run([&](std::string &gavel_o) {\n"
		   "\t\t\tstd::unique_ptr<%s> gavel_obj;\n"
		   "\t\t\tgavel_o += '[';\n"
		   "\t\t\tfor (bool gavel_f = true; gavel_d.next(); "
		   "gavel_f = false) {\n"
		   "\t\t\t\tif (!gavel_f)\n\t\t\t\t\tgavel_o += ',';\n"
		   "\t\t\t\tif (gavel_d.name == \"%s\") {\n",
		cls, cls);
	emit_args(f, cparams, "\t\t\t\t\t", "gavel_d.arg");
	fprintf(f, "\t\t\t\t\tgavel_d.end();\n"
		   "\t\t\t\t\tgavel_obj.reset(new %s(", cls);
	emit_call_args(f, json_array_size(cparams));
	fputs("));\n\t\t\t\t\tgavel_o += \"null\";\n", f);
	json_array_foreach(methods, i, m) {
		const char   *name = json_string_value(json_object_get(m,
								    "name"));
		const json_t *params = json_object_get(m, "params");

		fprintf(f, "\t\t\t\t} else if (gavel_d.name == \"%s\") {\n",
			name);
		emit_args(f, params, "\t\t\t\t\t", "gavel_d.arg");
		fputs("\t\t\t\t\tgavel_d.end();\n"
		      "\t\t\t\t\tif (!gavel_obj)\n"
		      "\t\t\t\t\t\tgavel_lc::die(\"bad test input: a call "
		      "before the constructor\");\n", f);
		if (returns_void(m)) {
			fprintf(f, "\t\t\t\t\tgavel_obj->%s(", name);
			emit_call_args(f, json_array_size(params));
			fputs(");\n\t\t\t\t\tgavel_o += \"null\";\n", f);
		} else {
			fprintf(f, "\t\t\t\t\tgavel_lc::answer(gavel_o, [&]() "
				   "-> decltype(auto) {\n"
				   "\t\t\t\t\t\treturn gavel_obj->%s(", name);
			emit_call_args(f, json_array_size(params));
			fputs(");\n\t\t\t\t\t});\n", f);
		}
	}
	fputs("\t\t\t\t} else {\n"
	      "\t\t\t\t\tgavel_lc::die(\"bad test input: unknown call \" +\n"
	      "\t\t\t\t\t    gavel_d.name);\n"
	      "\t\t\t\t}\n"
	      "\t\t\t}\n"
	      "\t\t\tgavel_o += ']';\n"
	      "\t\t});\n", f);
}

char *
harness_cpp_source(const json_t *sig, const char *source, size_t source_len,
    size_t *len, char **err)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	*len = 0;
	if (harness_signature_check(sig, err) != 0)
		return NULL;
	f = open_memstream(&buf, &n);
	if (f == NULL) {
		*err = xstrdup("open_memstream failed");
		return NULL;
	}
	fputs("#include \"" HARNESS_PCH_HEADER "\"\n"
	      "#line 1 \"solution.cpp\"\n", f);
	fwrite(source, 1, source_len, f);
	/* A last line without a newline, or ending in a backslash, must not
	 * swallow what follows. */
	fputs("\n\n#line 1 \"gavel_main.cpp\"\n"
	      "int\nmain()\n{\n"
	      "\tlong gavel_n = gavel_lc::start();\n"
	      "\tfor (long gavel_t = 0; gavel_t < gavel_n; gavel_t++) {\n", f);
	if (json_object_get(sig, "classname") != NULL)
		emit_design(f, sig);
	else
		emit_function(f, sig);
	fputs("\t}\n"
	      "\treturn gavel_lc::finish();\n"
	      "}\n", f);
	if (fclose(f) != 0) {
		free(buf);
		*err = xstrdup("writing the harness failed");
		return NULL;
	}
	*len = n;
	return buf;
}

char *
harness_stdin(const json_t *sig, const char *const *inputs, size_t ninputs,
    size_t *len, char **err)
{
	/* Design problems: two lines, the calls and their arguments. */
	size_t nparams = json_object_get(sig, "classname") != NULL
	    ? 2
	    : json_array_size(json_object_get(sig, "params"));
	char	     *sigtext, *buf = NULL;
	size_t	      n = 0;
	FILE	     *f;

	*len = 0;
	*err = NULL;
	sigtext = json_dumps(sig, JSON_COMPACT);
	if (sigtext == NULL) {
		*err = xstrdup("the signature cannot be written as JSON");
		return NULL;
	}
	f = open_memstream(&buf, &n);
	if (f == NULL) {
		free(sigtext);
		*err = xstrdup("open_memstream failed");
		return NULL;
	}
	/* JSON_COMPACT never writes a newline: the signature is one line. */
	fprintf(f, "%s\n%zu\n", sigtext, ninputs);
	free(sigtext);

	for (size_t t = 0; t < ninputs && *err == NULL; t++) {
		const char *s = inputs[t];
		size_t	    lines = 0;

		while (*s != '\0') {
			const char *e = strchr(s, '\n');
			const char *next = e != NULL ? e + 1 : s + strlen(s);

			if (e == NULL)
				e = next;
			while (s < e && isspace((unsigned char)*s))
				s++;
			while (e > s && isspace((unsigned char)e[-1]))
				e--;
			if (e > s) {
				lines++;
				if (lines <= nparams) {
					fwrite(s, 1, (size_t)(e - s), f);
					fputc('\n', f);
				}
			}
			s = next;
		}
		if (lines != nparams)
			*err = xasprintf("test %zu has %zu value lines, the "
					 "signature %zu parameters",
					 t + 1, lines, nparams);
	}
	if (fclose(f) != 0 && *err == NULL)
		*err = xstrdup("writing the harness input failed");
	if (*err != NULL) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}
