/*
 * judge/problem.c -- load Gavel problems and Kattis packages; see
 * problem.h.
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/fsutil.h"
#include "judge/problem.h"
#include "judge/yaml.h"
#include "util/xalloc.h"

#define META_MAX (1u << 20) /* problem.json, problem.yaml, ... */

/* Append one test to p. Takes ownership of the strings. */
static void
add_test(struct problem *p, char *name, char *input, char *answer,
    const char *flags, bool sample)
{
	struct problem_test *t;

	p->tests = xrealloc(p->tests, (p->ntests + 1) * sizeof(*p->tests));
	t = &p->tests[p->ntests++];
	t->name = name;
	t->input = input;
	t->answer = answer;
	t->validator_flags = flags != NULL ? xstrdup(flags) : NULL;
	t->sample = sample;
	if (sample)
		p->nsamples++;
}

/* Whether s ends with suffix. */
static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * The output_validator_flags of dir/testdata.yaml, or inherited when
 * there is none. Caller owns the result (may be NULL).
 */
static char *
testdata_flags(const char *dir, const char *inherited)
{
	char		*path = xasprintf("%s/testdata.yaml", dir);
	char		*text, *out = NULL;
	size_t		 len;
	struct yaml_doc *y;
	const char	*v;

	text = fs_read_file(path, META_MAX, &len);
	free(path);
	if (text != NULL) {
		y = yaml_parse(text, len);
		v = yaml_get(y, "output_validator_flags");
		if (v == NULL)
			v = yaml_get(y, "output_validator_args");
		if (v != NULL)
			out = xstrdup(v);
		yaml_free(y);
		free(text);
	}
	if (out == NULL && inherited != NULL)
		out = xstrdup(inherited);
	return out;
}

/*
 * Add the tests under dir (recursively, entries in strcmp order, as
 * Kattis orders them) named prefix/... Returns 0 or -1 with err set.
 */
static int
scan_tests(struct problem *p, const char *dir, const char *prefix,
    bool sample, const char *inherited, char *err, size_t errlen)
{
	char **names;
	char  *flags;
	size_t i;
	int    rc = 0;

	names = fs_list_sorted(dir);
	if (names == NULL)
		return 0; /* no such directory: no tests there */
	flags = testdata_flags(dir, inherited);
	for (i = 0; names[i] != NULL && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);

		if (names[i][0] == '.') {
			free(path);
			continue;
		}
		if (fs_is_dir(path)) {
			char *sub = xasprintf("%s/%s", prefix, names[i]);

			rc = scan_tests(p, path, sub, sample, flags, err,
			    errlen);
			free(sub);
		} else if (ends_with(names[i], ".in")) {
			size_t stem = strlen(path) - 3;
			char  *ans = xasprintf("%.*s.ans", (int)stem, path);

			if (!fs_is_file(ans)) {
				snprintf(err, errlen, "%s: no answer file",
				    path);
				free(ans);
				free(path);
				rc = -1;
				break;
			}
			add_test(p,
			    xasprintf("%s/%.*s", prefix,
				(int)(strlen(names[i]) - 3), names[i]),
			    xstrdup(path), ans, flags, sample);
		}
		free(path);
	}
	free(flags);
	fs_names_free(names);
	return rc;
}

/* A positive number of seconds in text ("2", "1.5", "'2'"), in ms. */
static uint32_t
seconds_ms(const char *text)
{
	char  *end;
	double s;

	while (*text == ' ' || *text == '\'' || *text == '"')
		text++;
	errno = 0;
	s = strtod(text, &end);
	if (errno != 0 || end == text || !(s > 0) || s > 3600)
		return 0;
	return (uint32_t)(s * 1000 + 0.5);
}

/* The checker files of a Kattis package: the first validator dir. */
static int
kattis_checker(struct problem *p, char *err, size_t errlen)
{
	static const char *const parents[] = { "output_validators",
		"output_validator" };
	size_t			 k, i;

	for (k = 0; k < 2; k++) {
		char  *dir = xasprintf("%s/%s", p->dir, parents[k]);
		char **names;

		if (!fs_is_dir(dir)) {
			free(dir);
			continue;
		}
		names = fs_list_sorted(dir);
		/*
		 * output_validators/<name>/files (legacy), or the files
		 * directly in output_validator/ (2023-07).
		 */
		for (i = 0; names != NULL && names[i] != NULL; i++) {
			char *sub = xasprintf("%s/%s", dir, names[i]);

			if (names[i][0] != '.' && fs_is_dir(sub)) {
				p->checker_dir = sub;
				break;
			}
			free(sub);
		}
		fs_names_free(names);
		if (p->checker_dir == NULL && k == 1)
			p->checker_dir = xstrdup(dir);
		free(dir);
		if (p->checker_dir != NULL)
			return 0;
	}
	snprintf(err, errlen, "custom validation but no output validator");
	return -1;
}

/*
 * Pick the checker's main file in checker_dir: a source file of a known
 * kind, or the single executable script.
 */
static void
pick_checker_main(struct problem *p)
{
	static const char *const prefer[] = { ".cpp", ".cc", ".cxx", ".c",
		".py", NULL };
	char		       **names;
	size_t			 i, k;

	names = fs_list_sorted(p->checker_dir);
	for (k = 0; prefer[k] != NULL && p->checker_main == NULL; k++)
		for (i = 0; names != NULL && names[i] != NULL; i++)
			if (ends_with(names[i], prefer[k])) {
				p->checker_main = xstrdup(names[i]);
				break;
			}
	for (i = 0; p->checker_main == NULL && names != NULL &&
	    names[i] != NULL; i++)
		if (names[i][0] != '.')
			p->checker_main = xstrdup(names[i]);
	fs_names_free(names);
}

static int
load_kattis(struct problem *p, char *err, size_t errlen)
{
	char		*path, *text;
	size_t		 len;
	struct yaml_doc *y;
	const char	*v;
	int		 rc = -1;

	path = xasprintf("%s/problem.yaml", p->dir);
	text = fs_read_file(path, META_MAX, &len);
	free(path);
	if (text == NULL) {
		snprintf(err, errlen, "problem.yaml: %s", strerror(errno));
		return -1;
	}
	y = yaml_parse(text, len);
	free(text);
	p->format = PROBLEM_FORMAT_KATTIS;
	p->kind = PROBLEM_STDIO;
	if ((v = yaml_get(y, "name")) != NULL && v[0] != '\0')
		p->title = xstrdup(v);
	else if ((v = yaml_get(y, "name.en")) != NULL && v[0] != '\0')
		p->title = xstrdup(v);
	v = yaml_get(y, "validation");
	if (v == NULL)
		v = yaml_get(y, "type");
	if (v != NULL && (strstr(v, "interactive") != NULL ||
	    strstr(v, "multi-pass") != NULL)) {
		snprintf(err, errlen, "interactive and multi-pass problems "
		    "are not supported");
		goto out;
	}
	if (v != NULL && strstr(v, "custom") != NULL &&
	    kattis_checker(p, err, errlen) < 0)
		goto out;
	if ((v = yaml_get(y, "validator_flags")) != NULL && v[0] != '\0')
		p->validator_flags = xstrdup(v);

	/* Limits: the package's own absolute time, else the tools'. */
	if ((v = yaml_get(y, "limits.time_limit")) != NULL)
		p->time_ms = seconds_ms(v);
	if (p->time_ms == 0) {
		path = xasprintf("%s/.timelimit", p->dir);
		text = fs_read_file(path, 4096, NULL);
		free(path);
		if (text != NULL) {
			p->time_ms = seconds_ms(text);
			free(text);
		}
	}
	if (p->time_ms == 0) {
		struct yaml_doc *ini;

		/* key = value lines read fine as key: value YAML. */
		path = xasprintf("%s/domjudge-problem.ini", p->dir);
		text = fs_read_file(path, META_MAX, &len);
		free(path);
		if (text != NULL) {
			char *c;

			for (c = text; *c != '\0'; c++)
				if (*c == '=')
					*c = ':';
			ini = yaml_parse(text, len);
			if ((v = yaml_get(ini, "timelimit")) != NULL)
				p->time_ms = seconds_ms(v);
			yaml_free(ini);
			free(text);
		}
	}
	p->memory_kb = (uint64_t)PROBLEM_KATTIS_MEMORY_MB * 1024;
	if ((v = yaml_get(y, "limits.memory")) != NULL && atoll(v) > 0)
		p->memory_kb = (uint64_t)atoll(v) * 1024;
	if ((v = yaml_get(y, "limits.output")) != NULL && atoll(v) > 0)
		p->output_kb = (uint64_t)atoll(v) * 1024;

	path = xasprintf("%s/data/sample", p->dir);
	rc = scan_tests(p, path, "sample", true, NULL, err, errlen);
	free(path);
	if (rc == 0) {
		char *data = xasprintf("%s/data", p->dir);
		char *top = testdata_flags(data, NULL);

		path = xasprintf("%s/data/secret", p->dir);
		rc = scan_tests(p, path, "secret", false, top, err, errlen);
		free(path);
		free(top);
		free(data);
	}
out:
	yaml_free(y);
	return rc;
}

static int
load_gavel(struct problem *p, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t	    *root, *v, *cmp, *lim;
	char	    *path;
	const char  *kind;
	int	     rc = -1;

	path = xasprintf("%s/problem.json", p->dir);
	root = json_load_file(path, 0, &jerr);
	free(path);
	if (root == NULL || !json_is_object(root)) {
		snprintf(err, errlen, "problem.json:%d: %s", jerr.line,
		    root == NULL ? jerr.text : "not an object");
		json_decref(root);
		return -1;
	}
	p->format = PROBLEM_FORMAT_GAVEL;
	v = json_object_get(root, "title");
	if (json_is_string(v))
		p->title = xstrdup(json_string_value(v));
	kind = json_string_value(json_object_get(root, "kind"));
	if (kind == NULL || strcmp(kind, "function") == 0) {
		p->kind = PROBLEM_FUNCTION;
	} else if (strcmp(kind, "stdio") == 0) {
		p->kind = PROBLEM_STDIO;
	} else {
		snprintf(err, errlen, "problem.json: unknown kind %s", kind);
		goto out;
	}
	if (p->kind == PROBLEM_FUNCTION) {
		v = json_object_get(root, "signature");
		if (!json_is_object(v)) {
			snprintf(err, errlen, "problem.json: no signature");
			goto out;
		}
		p->signature = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	}
	cmp = json_object_get(root, "compare");
	v = json_object_get(cmp, "mode");
	p->compare_mode = xstrdup(json_is_string(v) ? json_string_value(v) :
						      "exact");
	v = json_object_get(cmp, "tolerance");
	if (json_is_number(v))
		p->tolerance = json_number_value(v);
	v = json_object_get(root, "validator");
	if (json_is_string(v))
		p->validator_flags = xstrdup(json_string_value(v));
	v = json_object_get(root, "checker");
	if (json_is_string(v) || strcmp(p->compare_mode, "checker") == 0) {
		const char *name = json_is_string(v) ? json_string_value(v) :
						       "checker.py";

		if (strchr(name, '/') != NULL || name[0] == '.') {
			snprintf(err, errlen, "problem.json: bad checker");
			goto out;
		}
		p->checker_dir = xstrdup(p->dir);
		p->checker_main = xstrdup(name);
		path = xasprintf("%s/%s", p->dir, name);
		if (!fs_is_file(path)) {
			snprintf(err, errlen, "%s: missing", name);
			free(path);
			goto out;
		}
		free(path);
	}
	lim = json_object_get(root, "limits");
	v = json_object_get(lim, "time_ms");
	if (json_is_integer(v) && json_integer_value(v) > 0 &&
	    json_integer_value(v) < 3600000)
		p->time_ms = (uint32_t)json_integer_value(v);
	else
		p->time_ms = PROBLEM_DEFAULT_TIME_MS;
	v = json_object_get(lim, "memory_mb");
	p->memory_kb = (uint64_t)PROBLEM_DEFAULT_MEMORY_MB * 1024;
	if (json_is_integer(v) && json_integer_value(v) > 0)
		p->memory_kb = (uint64_t)json_integer_value(v) * 1024;
	v = json_object_get(lim, "output_mb");
	if (json_is_integer(v) && json_integer_value(v) > 0)
		p->output_kb = (uint64_t)json_integer_value(v) * 1024;

	path = xasprintf("%s/tests/sample", p->dir);
	rc = scan_tests(p, path, "sample", true, NULL, err, errlen);
	free(path);
	if (rc == 0) {
		path = xasprintf("%s/tests/secret", p->dir);
		rc = scan_tests(p, path, "secret", false, NULL, err, errlen);
		free(path);
	}
out:
	json_decref(root);
	return rc;
}

int
problem_load(const char *dir, struct problem **out, char *err,
    size_t errlen)
{
	struct problem *p;
	char		real[PATH_MAX], *path, *slash;
	int		rc;

	*out = NULL;
	if (realpath(dir, real) == NULL || !fs_is_dir(real)) {
		snprintf(err, errlen, "%s: not a problem directory", dir);
		return -1;
	}
	p = xcalloc(1, sizeof(*p));
	p->dir = xstrdup(real);
	slash = strrchr(p->dir, '/');
	p->slug = xstrdup(slash != NULL ? slash + 1 : p->dir);
	path = xasprintf("%s/problem.json", p->dir);
	if (fs_is_file(path)) {
		rc = load_gavel(p, err, errlen);
	} else {
		free(path);
		path = xasprintf("%s/problem.yaml", p->dir);
		if (fs_is_file(path)) {
			rc = load_kattis(p, err, errlen);
		} else {
			snprintf(err, errlen, "%s: neither problem.json nor "
			    "problem.yaml", dir);
			rc = -1;
		}
	}
	free(path);
	if (rc == 0 && p->checker_dir != NULL && p->checker_main == NULL)
		pick_checker_main(p);
	if (rc == 0 && p->checker_dir != NULL && p->checker_main == NULL) {
		snprintf(err, errlen, "the output validator is empty");
		rc = -1;
	}
	if (rc == 0 && p->ntests == 0) {
		snprintf(err, errlen, "%s: no tests", dir);
		rc = -1;
	}
	if (rc < 0) {
		problem_free(p);
		return -1;
	}
	if (p->title == NULL)
		p->title = xstrdup(p->slug);
	if (p->output_kb == 0)
		p->output_kb = (uint64_t)PROBLEM_DEFAULT_OUTPUT_MB * 1024;
	*out = p;
	return 0;
}

void
problem_free(struct problem *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->ntests; i++) {
		free(p->tests[i].name);
		free(p->tests[i].input);
		free(p->tests[i].answer);
		free(p->tests[i].validator_flags);
	}
	free(p->tests);
	free(p->dir);
	free(p->slug);
	free(p->title);
	free(p->signature);
	free(p->compare_mode);
	free(p->validator_flags);
	free(p->checker_dir);
	free(p->checker_main);
	free(p);
}

char *
problem_resolve(const char *what, const char *catalog)
{
	const char *c;
	char	   *path;

	if (what == NULL || what[0] == '\0')
		return NULL;
	if (fs_is_dir(what))
		return xstrdup(what);
	if (catalog == NULL)
		return NULL;
	for (c = what; *c != '\0'; c++)
		if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
			return NULL;
	path = xasprintf("%s/%s", catalog, what);
	if (fs_is_dir(path))
		return path;
	free(path);
	return NULL;
}
