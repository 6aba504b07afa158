/*
 * server/languages.c -- the languages the judge speaks, and
 * GET /api/languages.
 */
#include <string.h>

#include "server/app.h"

static const struct language languages[] = {
	{ "python3", "Python 3", "3.11", "python" },
	{ "cpp", "C++17", "g++ 12", "cpp" },
	{ "c", "C11", "gcc 12", "c" },
};

#define NLANG (sizeof(languages) / sizeof(languages[0]))

const struct language *
language_all(size_t *n)
{
	*n = NLANG;
	return languages;
}

const struct language *
language_find(const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < NLANG; i++)
		if (strcmp(languages[i].id, id) == 0)
			return &languages[i];
	return NULL;
}

struct MHD_Response *
api_languages(struct request *rq)
{
	json_t *arr = json_array();
	size_t	i;

	for (i = 0; i < NLANG; i++)
		json_array_append_new(arr,
		    json_pack("{s:s,s:s,s:s,s:s}", "id", languages[i].id,
			"name", languages[i].name, "version",
			languages[i].version, "monaco", languages[i].monaco));
	return reply_json(rq, 200, arr);
}
