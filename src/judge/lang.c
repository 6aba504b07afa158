/*
 * judge/lang.c -- load and look up the language table; see lang.h.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/lang.h"
#include "judge/paths.h"
#include "util/log.h"
#include "util/xalloc.h"

/* A copy of a JSON string member, or NULL when absent or not a string. */
static char *
get_str(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

/*
 * A NULL-terminated copy of a JSON array of strings. Returns 0 (with *out
 * NULL when the member is absent or null), -1 when it is malformed.
 */
static int
get_argv(json_t *obj, const char *key, char ***out)
{
	json_t *v = json_object_get(obj, key);
	size_t	i, n;
	char  **argv;

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_array(v) || json_array_size(v) == 0)
		return -1;
	n = json_array_size(v);
	argv = xcalloc(n + 1, sizeof(*argv));
	for (i = 0; i < n; i++) {
		json_t *s = json_array_get(v, i);

		if (!json_is_string(s)) {
			lang_argv_free(argv);
			return -1;
		}
		argv[i] = xstrdup(json_string_value(s));
	}
	*out = argv;
	return 0;
}

/* An unsigned member, or def when absent. */
static uint32_t
get_u32(json_t *obj, const char *key, uint32_t def)
{
	json_t *v = json_object_get(obj, key);

	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= UINT32_MAX)
		return (uint32_t)json_integer_value(v);
	return def;
}

void
lang_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

static void
lang_clear(struct lang *l)
{
	free(l->id);
	free(l->name);
	free(l->version);
	lang_argv_free(l->extensions);
	free(l->source);
	lang_argv_free(l->compile);
	free(l->artifact);
	lang_argv_free(l->run);
	free(l->monaco);
	free(l->starter);
	free(l->pch_header);
	lang_argv_free(l->pch_build);
	lang_argv_free(l->pch_use);
	free(l->harness);
	lang_argv_free(l->harness_run);
	free(l->row);
}

/*
 * Fill *l from one row. Returns 0, or -1 with a reason in err; *l must be
 * cleared by the caller either way.
 */
static int
lang_parse(json_t *row, struct lang *l, char *err, size_t errlen)
{
	json_t *lim, *pch, *tm, *h;

	if (!json_is_object(row)) {
		snprintf(err, errlen, "a row is not an object");
		return -1;
	}
	l->id = get_str(row, "id");
	l->source = get_str(row, "source");
	if (l->id == NULL || l->source == NULL) {
		snprintf(err, errlen, "a row lacks id or source");
		return -1;
	}
	/* The source name is used as a file name in the box: no paths. */
	if (strchr(l->source, '/') != NULL || l->source[0] == '.') {
		snprintf(err, errlen, "%s: bad source name", l->id);
		return -1;
	}
	l->name = get_str(row, "name");
	if (l->name == NULL)
		l->name = xstrdup(l->id);
	l->version = get_str(row, "version");
	l->artifact = get_str(row, "artifact");
	if (l->artifact != NULL &&
	    (strchr(l->artifact, '/') != NULL || l->artifact[0] == '.')) {
		snprintf(err, errlen, "%s: bad artifact name", l->id);
		return -1;
	}
	l->monaco = get_str(row, "monaco");
	l->starter = get_str(row, "starter");
	if (get_argv(row, "extensions", &l->extensions) < 0 ||
	    get_argv(row, "compile", &l->compile) < 0 ||
	    get_argv(row, "run", &l->run) < 0 || l->run == NULL) {
		snprintf(err, errlen, "%s: bad extensions, compile or run",
		    l->id);
		return -1;
	}
	if (l->artifact != NULL && l->compile == NULL) {
		snprintf(err, errlen, "%s: an artifact without a compile",
		    l->id);
		return -1;
	}
	tm = json_object_get(row, "time_multiplier");
	l->time_multiplier = json_is_number(tm) ? json_number_value(tm) : 1.0;
	if (l->time_multiplier <= 0 || l->time_multiplier > 100) {
		snprintf(err, errlen, "%s: bad time_multiplier", l->id);
		return -1;
	}
	l->memory_extra_mb = get_u32(row, "memory_extra_mb", 0);
	lim = json_object_get(row, "compile_limits");
	l->compile_cpu_ms = get_u32(lim, "cpu_ms", 10000);
	l->compile_memory_mb = get_u32(lim, "memory_mb", 512);
	l->compile_output_kb = get_u32(lim, "output_kb", 64);
	pch = json_object_get(row, "pch");
	if (json_is_object(pch)) {
		l->pch_header = get_str(pch, "header");
		if (l->pch_header == NULL ||
		    strchr(l->pch_header, '/') != NULL ||
		    get_argv(pch, "build", &l->pch_build) < 0 ||
		    get_argv(pch, "use", &l->pch_use) < 0 ||
		    l->pch_build == NULL || l->pch_use == NULL) {
			snprintf(err, errlen, "%s: bad pch", l->id);
			return -1;
		}
	}
	h = json_object_get(row, "harness");
	if (json_is_object(h)) {
		l->harness = get_str(h, "kind");
		if (l->harness == NULL ||
		    get_argv(h, "run", &l->harness_run) < 0 ||
		    l->harness_run == NULL) {
			snprintf(err, errlen, "%s: bad harness", l->id);
			return -1;
		}
	}
	l->row = json_dumps(row, JSON_COMPACT | JSON_SORT_KEYS);
	if (l->row == NULL) {
		snprintf(err, errlen, "%s: cannot serialise", l->id);
		return -1;
	}
	return 0;
}

int
lang_table_load(const char *path, struct lang_table **out, char *err,
    size_t errlen)
{
	json_error_t	   jerr;
	json_t		  *root, *rows;
	struct lang_table *t;
	size_t		   i;

	*out = NULL;
	root = json_load_file(path, 0, &jerr);
	if (root == NULL) {
		snprintf(err, errlen, "%s:%d: %s", path, jerr.line, jerr.text);
		return -1;
	}
	rows = json_object_get(root, "languages");
	if (!json_is_array(rows)) {
		snprintf(err, errlen, "%s: no \"languages\" array", path);
		json_decref(root);
		return -1;
	}
	t = xcalloc(1, sizeof(*t));
	t->langs = xcalloc(json_array_size(rows) + 1, sizeof(*t->langs));
	for (i = 0; i < json_array_size(rows); i++) {
		struct lang *l = &t->langs[t->nlangs++];

		if (lang_parse(json_array_get(rows, i), l, err, errlen) < 0)
			goto fail;
		if (lang_find(t, l->id) != l) {
			snprintf(err, errlen, "%s: duplicate id %s", path,
			    l->id);
			goto fail;
		}
	}
	json_decref(root);
	*out = t;
	return 0;
fail:
	json_decref(root);
	lang_table_free(t);
	return -1;
}

void
lang_table_free(struct lang_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nlangs; i++)
		lang_clear(&t->langs[i]);
	free(t->langs);
	free(t);
}

const struct lang *
lang_find(const struct lang_table *t, const char *id)
{
	size_t i;

	if (t == NULL || id == NULL)
		return NULL;
	for (i = 0; i < t->nlangs; i++)
		if (t->langs[i].id != NULL && strcmp(t->langs[i].id, id) == 0)
			return &t->langs[i];
	return NULL;
}

const struct lang *
lang_for_file(const struct lang_table *t, const char *name)
{
	const char *dot;
	size_t	    i, j;

	if (t == NULL || name == NULL)
		return NULL;
	dot = strrchr(name, '.');
	if (dot == NULL || strchr(dot, '/') != NULL)
		return NULL;
	dot++;
	for (i = 0; i < t->nlangs; i++) {
		char **ext = t->langs[i].extensions;

		for (j = 0; ext != NULL && ext[j] != NULL; j++)
			if (strcmp(ext[j], dot) == 0)
				return &t->langs[i];
	}
	return NULL;
}

static struct lang_table *default_table;
static pthread_once_t	  default_once = PTHREAD_ONCE_INIT;

static void
default_load(void)
{
	char  err[512];
	char *path = judge_data_file("languages.json");

	if (path == NULL) {
		log_warnx("languages.json not found (set GAVEL_DATA_DIR)");
		return;
	}
	if (lang_table_load(path, &default_table, err, sizeof(err)) < 0)
		log_warnx("%s", err);
	free(path);
}

const struct lang_table *
lang_table_default(void)
{
	pthread_once(&default_once, default_load);
	return default_table;
}

char **
lang_compile_argv(const struct lang *l, bool use_pch)
{
	size_t n = 0, k = 0, i, j;
	char **argv;

	if (l->compile == NULL)
		return NULL;
	for (i = 0; l->compile[i] != NULL; i++)
		n++;
	for (i = 0; l->pch_use != NULL && l->pch_use[i] != NULL; i++)
		n++;
	argv = xcalloc(n + 1, sizeof(*argv));
	for (i = 0; l->compile[i] != NULL; i++) {
		if (strcmp(l->compile[i], "{pch}") != 0) {
			argv[k++] = xstrdup(l->compile[i]);
			continue;
		}
		if (!use_pch || l->pch_use == NULL)
			continue;
		for (j = 0; l->pch_use[j] != NULL; j++)
			argv[k++] = xstrdup(l->pch_use[j]);
	}
	argv[k] = NULL;
	return argv;
}
