/*
 * server/auth.h -- who sent a request, and what they may do.
 *
 * The HTTP glue (http.c) resolves every API request before its handler
 * runs: an `Authorization: Bearer gvl_...` API token, or else the
 * `gavel_session` cookie. It also refuses, centrally, a state-changing
 * request (not GET/HEAD) whose Origin is another site, and one that a
 * session cookie authenticates without the session's X-CSRF-Token. A
 * handler only asks who it is serving.
 */
#ifndef GAVEL_SERVER_AUTH_H
#define GAVEL_SERVER_AUTH_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

struct request;

struct principal {
	int64_t id;	   /* users.id */
	char	name[64];  /* username */
	bool	admin;
	bool	via_token; /* Authorization: Bearer, not a cookie */
};

/* Who sent the request, or NULL when anonymous. Valid until the request ends. */
const struct principal *request_principal(struct request *rq);
/*
 * For handlers that need a user: NULL when rq has one (continue), else the
 * error response to return (401 unauthorized). auth_require_admin: also 403
 * forbidden for a logged-in non-admin.
 */
struct MHD_Response *auth_require_user(struct request *rq);
struct MHD_Response *auth_require_admin(struct request *rq);

#endif
