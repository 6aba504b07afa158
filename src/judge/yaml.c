/*
 * judge/yaml.c -- the small YAML reader of problem packages; see yaml.h.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "judge/yaml.h"
#include "util/xalloc.h"

#define YAML_MAX_DEPTH 16

/* Remove a trailing comment (a '#' after a blank, outside quotes). */
static size_t
strip_comment(const char *s, size_t n)
{
	char   quote = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (quote != 0) {
			if (c == quote)
				quote = 0;
			else if (c == '\\' && quote == '"' && i + 1 < n)
				i++;
			continue;
		}
		if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '#' && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '\t')) {
			return i;
		}
	}
	return n;
}

/* A scalar's value: trimmed, quotes removed (with '' and \" unescaped). */
static char *
scalar(const char *s, size_t n)
{
	char  *out;
	size_t i, k = 0;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
		char q = s[0];

		out = xmalloc(n);
		for (i = 1; i + 1 < n; i++) {
			if (q == '\'' && s[i] == '\'' && i + 2 < n &&
			    s[i + 1] == '\'')
				i++;
			else if (q == '"' && s[i] == '\\' && i + 2 < n)
				i++;
			out[k++] = s[i];
		}
		out[k] = '\0';
		return out;
	}
	return xstrndup(s, n);
}

/* Where the "key:" of a mapping line ends (the colon), or NULL. */
static const char *
key_colon(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == '"' || s[0] == '\'')) {
		for (i = 1; i < n && s[i] != s[0]; i++)
			;
		if (i + 1 < n && s[i + 1] == ':' &&
		    (i + 2 == n || s[i + 2] == ' ' || s[i + 2] == '\t'))
			return s + i + 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (s[i] == ':' &&
		    (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t'))
			return s + i;
	return NULL;
}

struct yaml_doc *
yaml_parse(const char *text, size_t len)
{
	struct yaml_doc *d = xcalloc(1, sizeof(*d));
	size_t		 cap = 0, depth = 0, pos = 0;
	size_t		 indent[YAML_MAX_DEPTH];
	char		*keys[YAML_MAX_DEPTH];

	while (pos < len) {
		const char *line = text + pos, *nl, *colon;
		size_t	    n, ind = 0, i;
		char	   *key, *path;

		nl = memchr(line, '\n', len - pos);
		n = nl != NULL ? (size_t)(nl - line) : len - pos;
		pos += n + 1;
		while (ind < n && line[ind] == ' ')
			ind++;
		n = strip_comment(line, n);
		if (ind >= n)
			continue; /* blank or comment */
		while (n > ind && (line[n - 1] == ' ' || line[n - 1] == '\r' ||
		    line[n - 1] == '\t'))
			n--;
		if (ind >= n)
			continue;
		if (line[ind] == '-' || line[ind] == '%' ||
		    (n - ind >= 3 && strncmp(line + ind, "---", 3) == 0))
			continue; /* sequence items, directives: not needed */
		colon = key_colon(line + ind, n - ind);
		if (colon == NULL)
			continue; /* a continuation or something we skip */
		while (depth > 0 && indent[depth - 1] >= ind)
			free(keys[--depth]);
		key = scalar(line + ind, (size_t)(colon - (line + ind)));
		if (depth == 0) {
			path = xstrdup(key);
		} else {
			size_t total = strlen(key) + 1;

			for (i = 0; i < depth; i++)
				total += strlen(keys[i]) + 1;
			path = xmalloc(total);
			path[0] = '\0';
			for (i = 0; i < depth; i++) {
				strcat(path, keys[i]);
				strcat(path, ".");
			}
			strcat(path, key);
		}
		if (d->n == cap) {
			cap = cap ? cap * 2 : 16;
			d->kv = xrealloc(d->kv, cap * sizeof(*d->kv));
		}
		d->kv[d->n].key = path;
		d->kv[d->n].value = scalar(colon + 1,
		    (size_t)(line + n - (colon + 1)));
		d->n++;
		if (depth < YAML_MAX_DEPTH) {
			indent[depth] = ind;
			keys[depth++] = key;
		} else {
			free(key);
		}
	}
	while (depth > 0)
		free(keys[--depth]);
	return d;
}

void
yaml_free(struct yaml_doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->kv[i].key);
		free(d->kv[i].value);
	}
	free(d->kv);
	free(d);
}

const char *
yaml_get(const struct yaml_doc *d, const char *key)
{
	size_t i;

	if (d == NULL)
		return NULL;
	/* The last one wins, as a YAML reader would have it. */
	for (i = d->n; i > 0; i--)
		if (strcmp(d->kv[i - 1].key, key) == 0)
			return d->kv[i - 1].value;
	return NULL;
}
