/*
 * server/languages.c -- the languages the judge speaks, and
 * GET /api/languages.
 *
 * The judge's own table (etc/languages.json through lang_table_default())
 * is the source, so adding a language there adds it here; a built-in copy
 * stands in only when that table cannot be loaded (then judging fails
 * too, with IE, but the API still describes itself).
 */
#include <pthread.h>
#include <string.h>

#include "judge/lang.h"
#include "server/app.h"
#include "util/xalloc.h"

static const struct language fallback[] = {
	{ "python3", "Python 3", "3.11", "python", true },
	{ "cpp", "C++", "g++ 12", "cpp", true },
	{ "c", "C", "gcc 12", "c", false },
};

static pthread_once_t	       once = PTHREAD_ONCE_INIT;
static const struct language *table;
static size_t		       ntable;

static void
load(void)
{
	const struct lang_table *t = lang_table_default();
	struct language		*l;
	size_t			 i;

	if (t == NULL || t->nlangs == 0) {
		table = fallback;
		ntable = sizeof(fallback) / sizeof(fallback[0]);
		return;
	}
	/* Borrowed strings: the judge's table lives as long as the process. */
	l = xcalloc(t->nlangs, sizeof(*l));
	for (i = 0; i < t->nlangs; i++) {
		l[i].id = t->langs[i].id;
		l[i].name = t->langs[i].name ? t->langs[i].name : t->langs[i].id;
		l[i].version = t->langs[i].version ? t->langs[i].version : "";
		l[i].monaco = t->langs[i].monaco ? t->langs[i].monaco
						 : "plaintext";
		l[i].function = t->langs[i].harness != NULL;
	}
	table = l;
	ntable = t->nlangs;
}

const struct language *
language_all(size_t *n)
{
	pthread_once(&once, load);
	*n = ntable;
	return table;
}

const struct language *
language_find(const char *id)
{
	size_t i;

	pthread_once(&once, load);
	if (id == NULL)
		return NULL;
	for (i = 0; i < ntable; i++)
		if (strcmp(table[i].id, id) == 0)
			return &table[i];
	return NULL;
}

struct MHD_Response *
api_languages(struct request *rq)
{
	const struct language *l;
	json_t		      *arr = json_array();
	size_t		       i, n;

	l = language_all(&n);
	for (i = 0; i < n; i++)
		json_array_append_new(arr,
		    json_pack("{s:s,s:s,s:s,s:s,s:b}", "id", l[i].id, "name",
			l[i].name, "version", l[i].version, "monaco",
			l[i].monaco, "function", l[i].function));
	return reply_json(rq, 200, arr);
}
