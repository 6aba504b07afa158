/*
 * server/router.c -- the API's routing table; see router.h.
 */
#include "server/router.h"

#include <stdio.h>
#include <string.h>

/* One row per API path shape. A '{slug}' or '{id}' segment captures. */
struct route {
	const char   *pattern;
	const char   *method; /* "GET", "POST" or "DELETE" */
	enum route_id id;
};

static const struct route routes[] = {
	{ "/api/health", "GET", ROUTE_HEALTH },
	{ "/api/languages", "GET", ROUTE_LANGUAGES },
	{ "/api/problems", "GET", ROUTE_PROBLEMS },
	{ "/api/problems/{slug}", "GET", ROUTE_PROBLEM },
	{ "/api/run", "POST", ROUTE_RUN },
	{ "/api/submissions", "POST", ROUTE_SUBMIT },
	{ "/api/submissions", "GET", ROUTE_SUBMISSIONS },
	{ "/api/submissions/{id}", "GET", ROUTE_SUBMISSION },
	{ "/api/submissions/{id}/events", "GET", ROUTE_SUBMISSION_EVENTS },
	{ "/api/auth/register", "POST", ROUTE_REGISTER },
	{ "/api/auth/login", "POST", ROUTE_LOGIN },
	{ "/api/auth/logout", "POST", ROUTE_LOGOUT },
	{ "/api/auth/password", "POST", ROUTE_PASSWORD },
	{ "/api/me", "GET", ROUTE_ME },
	{ "/api/tokens", "GET", ROUTE_TOKENS },
	{ "/api/tokens", "POST", ROUTE_TOKEN_CREATE },
	{ "/api/tokens/{id}", "DELETE", ROUTE_TOKEN_DELETE },
	{ "/api/admin/problems", "GET", ROUTE_ADMIN_PROBLEMS },
	{ "/api/admin/problems/{slug}", "GET", ROUTE_ADMIN_PROBLEM },
	{ "/api/admin/problems/{slug}", "PUT", ROUTE_ADMIN_PUT },
	{ "/api/admin/problems/{slug}/package", "POST", ROUTE_ADMIN_PACKAGE },
	{ "/api/admin/problems/{slug}/visibility", "POST",
	    ROUTE_ADMIN_VISIBILITY },
	{ "/api/admin/problems/{slug}/check", "POST", ROUTE_ADMIN_CHECK },
	{ "/api/admin/problems/{slug}/rejudge", "POST", ROUTE_ADMIN_REJUDGE },
};

#define NROUTES (sizeof(routes) / sizeof(routes[0]))

static int
slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

int
router_is_admin(enum route_id id)
{
	switch (id) {
	case ROUTE_ADMIN_PROBLEMS:
	case ROUTE_ADMIN_PROBLEM:
	case ROUTE_ADMIN_PUT:
	case ROUTE_ADMIN_PACKAGE:
	case ROUTE_ADMIN_VISIBILITY:
	case ROUTE_ADMIN_CHECK:
	case ROUTE_ADMIN_REJUDGE:
		return 1;
	default:
		return 0;
	}
}

int
router_valid_slug(const char *s)
{
	size_t n = 0;

	if (s == NULL)
		return 0;
	for (; s[n] != '\0'; n++)
		if (!slug_char(s[n]))
			return 0;
	return n >= 1 && n <= ROUTE_SLUG_MAX;
}

/* Parse a positive decimal id of n bytes. 0 when invalid. */
static int64_t
parse_id(const char *s, size_t n)
{
	int64_t v = 0;
	size_t	i;

	if (n == 0 || n > 18 || s[0] == '0')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * Match path against one pattern, segment by segment. Captures go to *m;
 * returns 1 on a match.
 */
static int
match_pattern(const char *pat, const char *path, struct route_match *m)
{
	while (*pat != '\0' && *path != '\0') {
		const char *pe, *se;
		size_t	    pn, sn;

		if (*pat != '/' || *path != '/')
			return 0;
		pat++;
		path++;
		pe = strchr(pat, '/');
		pn = pe ? (size_t)(pe - pat) : strlen(pat);
		se = strchr(path, '/');
		sn = se ? (size_t)(se - path) : strlen(path);
		if (pn == 6 && strncmp(pat, "{slug}", 6) == 0) {
			size_t i;

			if (sn == 0 || sn > ROUTE_SLUG_MAX)
				return 0;
			memcpy(m->slug, path, sn);
			m->slug[sn] = '\0';
			for (i = 0; i < sn; i++)
				if (!slug_char(path[i]))
					return 0;
		} else if (pn == 4 && strncmp(pat, "{id}", 4) == 0) {
			if ((m->sub_id = parse_id(path, sn)) == 0)
				return 0;
		} else if (pn != sn || strncmp(pat, path, pn) != 0) {
			return 0;
		}
		pat += pn;
		path += sn;
	}
	return *pat == '\0' && *path == '\0';
}

/* The methods path takes, in a fixed order ("GET, HEAD, POST"). */
static void
allowed(const char *path, char *buf, size_t n)
{
	static const char *const order[] = { "GET", "POST", "PUT", "DELETE" };
	struct route_match	 scratch;
	size_t			 i, k, len = 0;

	buf[0] = '\0';
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < NROUTES; i++) {
			if (strcmp(routes[i].method, order[k]) != 0 ||
			    !match_pattern(routes[i].pattern, path, &scratch))
				continue;
			if (len < n)
				len += (size_t)snprintf(buf + len, n - len,
				    "%s%s%s", len ? ", " : "", order[k],
				    k == 0 ? ", HEAD" : "");
			break;
		}
}

enum route_status
router_match(const char *method, const char *path, struct route_match *m)
{
	const char *meth = method;
	size_t	    i;
	int	    path_found = 0;

	memset(m, 0, sizeof(*m));
	if (method == NULL || path == NULL || path[0] != '/')
		return ROUTE_NOT_FOUND;
	if (strcmp(meth, "HEAD") == 0)
		meth = "GET";
	if (strncmp(path, "/api/", 5) != 0 && strcmp(path, "/api") != 0) {
		if (strcmp(meth, "GET") == 0) {
			m->id = ROUTE_STATIC;
			return ROUTE_OK;
		}
		snprintf(m->allow, sizeof(m->allow), "GET, HEAD");
		return ROUTE_BAD_METHOD;
	}
	for (i = 0; i < NROUTES; i++) {
		struct route_match cand;

		memset(&cand, 0, sizeof(cand));
		if (!match_pattern(routes[i].pattern, path, &cand))
			continue;
		path_found = 1;
		if (strcmp(routes[i].method, meth) == 0) {
			*m = cand;
			m->id = routes[i].id;
			return ROUTE_OK;
		}
	}
	if (!path_found)
		return ROUTE_NOT_FOUND;
	allowed(path, m->allow, sizeof(m->allow));
	return ROUTE_BAD_METHOD;
}
