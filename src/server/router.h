/*
 * server/router.h -- map a request's method and path to a resource.
 *
 * Pure: no I/O, no allocation, no global state, so every case is a unit
 * test (tests/unit/server/test_router.c). The path is the one libmicrohttpd
 * hands over: percent-decoded, without the query string.
 */
#ifndef GAVEL_SERVER_ROUTER_H
#define GAVEL_SERVER_ROUTER_H

#include <stddef.h>
#include <stdint.h>

enum route_id {
	ROUTE_NONE,
	ROUTE_HEALTH,		 /* GET /api/health */
	ROUTE_LANGUAGES,	 /* GET /api/languages */
	ROUTE_PROBLEMS,		 /* GET /api/problems */
	ROUTE_PROBLEM,		 /* GET /api/problems/{slug} */
	ROUTE_RUN,		 /* POST /api/run */
	ROUTE_SUBMIT,		 /* POST /api/submissions */
	ROUTE_SUBMISSIONS,	 /* GET /api/submissions */
	ROUTE_SUBMISSION,	 /* GET /api/submissions/{id} */
	ROUTE_SUBMISSION_EVENTS, /* GET /api/submissions/{id}/events */
	ROUTE_REGISTER,		 /* POST /api/auth/register */
	ROUTE_LOGIN,		 /* POST /api/auth/login */
	ROUTE_LOGOUT,		 /* POST /api/auth/logout */
	ROUTE_PASSWORD,		 /* POST /api/auth/password */
	ROUTE_ME,		 /* GET /api/me */
	ROUTE_TOKENS,		 /* GET /api/tokens */
	ROUTE_TOKEN_CREATE,	 /* POST /api/tokens */
	ROUTE_TOKEN_DELETE,	 /* DELETE /api/tokens/{id} */
	ROUTE_ADMIN_PROBLEMS,	 /* GET /api/admin/problems */
	ROUTE_ADMIN_PROBLEM,	 /* GET /api/admin/problems/{slug} */
	ROUTE_ADMIN_PUT,	 /* PUT /api/admin/problems/{slug} */
	ROUTE_ADMIN_PACKAGE,	 /* POST .../{slug}/package */
	ROUTE_ADMIN_VISIBILITY,	 /* POST .../{slug}/visibility */
	ROUTE_ADMIN_CHECK,	 /* POST .../{slug}/check */
	ROUTE_ADMIN_REJUDGE,	 /* POST .../{slug}/rejudge */
	ROUTE_STATIC,		 /* GET anything outside /api/: the web UI */
};

enum route_status {
	ROUTE_OK,
	ROUTE_NOT_FOUND,  /* no resource at this path */
	ROUTE_BAD_METHOD, /* a resource, but not this method: see allow */
};

#define ROUTE_SLUG_MAX 100

struct route_match {
	enum route_id id;
	char	      slug[ROUTE_SLUG_MAX + 1]; /* ROUTE_PROBLEM */
	int64_t	      sub_id; /* ROUTE_SUBMISSION*, ROUTE_TOKEN_DELETE (> 0) */
	char	      allow[40]; /* ROUTE_BAD_METHOD: "GET, HEAD, POST" */
};

/*
 * Match method ("GET", "HEAD" counts as GET, "POST", "DELETE") and path.
 * Slugs are [a-z0-9-], 1 to ROUTE_SLUG_MAX characters; ids are positive
 * decimals without sign or leading zeros that fit in int64_t; anything
 * else is ROUTE_NOT_FOUND. Fills *m.
 */
enum route_status router_match(const char *method, const char *path,
    struct route_match *m);

/* Whether id is one of the admin routes (/api/admin/...). */
int router_is_admin(enum route_id id);

/* Whether s is a valid slug (also used for the problem field of bodies). */
int router_valid_slug(const char *s);

#endif
