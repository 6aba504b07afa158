/*
 * server/app.h -- what the pieces of the server share: the application
 * state, the per-request state the HTTP glue (http.c) keeps, the
 * resource handlers (one file each) and the reply helpers they use.
 *
 * A handler runs on its connection's own thread once the whole request
 * (body included, within the caps) has arrived. It returns the response
 * to send (never NULL) and sets rq->status; the glue queues it, logs the
 * request and frees everything.
 */
#ifndef GAVEL_SERVER_APP_H
#define GAVEL_SERVER_APP_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "server/auth.h"
#include "server/catalog.h"
#include "server/clientaddr.h"
#include "server/credentials.h"
#include "server/router.h"
#include "server/server.h"
#include "store/store.h"

struct http;
struct hub;
struct limiter;
struct queue;

/* One language the judge speaks (languages.c). */
struct language {
	const char *id;	     /* "python3": the judge's id */
	const char *name;    /* "Python 3" */
	const char *version; /* "3.11" */
	const char *monaco;  /* Monaco's language id */
	bool	    function; /* can solve function (LeetCode-style) problems */
};

const struct language *language_find(const char *id);
const struct language *language_all(size_t *n);

/* Per-client counters of work in progress (clients.c). */
struct clients;
struct clients *clients_new(void);
void		clients_free(struct clients *c);
/* Take one slot for client if it holds fewer than max: true if taken. */
bool clients_take(struct clients *c, const char *client, int max);
void clients_give(struct clients *c, const char *client);

struct app {
	const struct server_config *cfg;
	struct store		   *store;
	struct hub		   *hub;
	struct queue		   *queue;
	struct http		   *http;    /* the daemon (http.c) */
	struct clients		   *runners; /* /api/run per client */
	atomic_int		    runs;    /* /api/run in progress */
	char			   *web_root; /* realpath of the UI, or NULL */
	char			   *authored; /* realpath of --authored */
	struct catalog_root	    roots[2]; /* bundled, authored */
	size_t			    nroots;
	struct limiter		   *login_user; /* failed logins per username */
	struct limiter		   *login_addr; /* ... per client address */
	struct limiter		   *signups;    /* registrations per address */
	struct limiter		   *user_runs;  /* --rate-runs per user */
	struct limiter		   *user_subs;  /* --rate-submissions per user */
	int64_t			    started_ms;
};

struct request {
	struct app	      *app;
	struct MHD_Connection *conn;
	char		       method[16];
	char		      *path;	/* decoded, without the query */
	struct route_match     route;
	enum route_status      rstatus;
	/*
	 * Who sent it (set once, in http.c; see clientaddr.h): the client's
	 * address, from X-Forwarded-For when the peer is a trusted proxy
	 * (then via is the proxy's, else ""), and client, the key that
	 * every per-address limit counts under (IPv6: its /64).
	 */
	char		       addr[IPADDR_TEXT_MAX];
	char		       via[IPADDR_TEXT_MAX];
	char		       client[IPADDR_TEXT_MAX];
	char		      *body;	   /* the request body so far */
	size_t		       len, cap;
	bool		       too_large;  /* more than the body cap came */
	size_t		       discarded;  /* bytes swallowed since */
	bool		       answered;   /* a response was queued */
	unsigned	       status;	   /* for the log line */
	int64_t		       start_us;
	/* Filled by auth_resolve() (auth.c). */
	struct principal       who;
	bool		       authed;	   /* who is valid */
	int64_t		       who_created_ms;
	char		       session[CRED_DIGEST_MAX]; /* its hash, or "" */
	char		       csrf[CRED_TOKEN_MAX];	  /* the session's */
	bool		       resolved; /* auth_resolve() ran early (admin) */
};

/*** Reply helpers (http.c) ***/

/* A JSON response with status; steals body. */
struct MHD_Response *reply_json(struct request *rq, unsigned status,
    json_t *body);
/* {"error": {"code", "message"}} with status. */
struct MHD_Response *reply_error(struct request *rq, unsigned status,
    const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/*
 * The answer to a store call that failed with rc: 503 storage_full with
 * Retry-After when the disk is full (STORE_NOSPACE), else 500 internal,
 * "the database failed; " and what ("try again", or what was lost).
 * Every handler answers store failures through this.
 */
struct MHD_Response *reply_store_failed(struct request *rq,
    enum store_rc rc, const char *what);
/* A query-string argument, or NULL. Borrowed for the request. */
const char *query_arg(struct request *rq, const char *key);
/*
 * The request body as a JSON object; NULL with *err set to the response
 * (415 for another content type, 400 for bad JSON or invalid UTF-8 or
 * not an object).
 */
json_t *body_json(struct request *rq, struct MHD_Response **err);
/*
 * A string field of obj: 1 with *out and *len when present, 0 when absent
 * (and not required), -1 with *err (400: wrong type, NUL byte; missing).
 */
int field_string(struct request *rq, json_t *obj, const char *key,
    bool required, const char **out, size_t *len, struct MHD_Response **err);
/*
 * A JSON string of the n bytes at s (NULL: JSON null), made valid: bytes
 * that are not UTF-8, and NULs, become '?'. For program output and other
 * text the server does not control. New reference.
 */
json_t *json_text(const char *s, size_t n);
/*
 * Stored JSON text parsed, or def when it is NULL or does not parse
 * (problems.c). Steals def; new reference.
 */
json_t *json_parse_or(const char *text, json_t *def);
/* ISO 8601 UTC with milliseconds, in buf (>= 32 bytes). */
const char *iso_time(int64_t ms, char *buf, size_t n);

/*** Authentication (auth.c) ***/

/*
 * Before any API handler: find who sent rq (bearer token, else session
 * cookie) and enforce the cross-site rules. NULL to go on, else the
 * response (401 bad token, 403 csrf, 500).
 */
struct MHD_Response *auth_resolve(struct request *rq);
/*
 * One more event of lim (a per-user rate limit) for rq's user: NULL
 * when allowed, else 429 rate_limited with Retry-After. What names it.
 */
struct MHD_Response *auth_rate(struct request *rq, struct limiter *lim,
    const char *what);
/* Make the limiters from the configuration; free them. */
void auth_init(struct app *app);
void auth_fini(struct app *app);

/*** Handlers: one file per resource ***/

struct MHD_Response *api_health(struct request *rq);
struct MHD_Response *api_languages(struct request *rq);
struct MHD_Response *api_problems(struct request *rq);
struct MHD_Response *api_problem(struct request *rq);
struct MHD_Response *api_run(struct request *rq);
struct MHD_Response *api_submit(struct request *rq);
struct MHD_Response *api_submissions(struct request *rq);
struct MHD_Response *api_submission(struct request *rq);
struct MHD_Response *api_events(struct request *rq);
struct MHD_Response *web_static(struct request *rq);
struct MHD_Response *api_register(struct request *rq);
struct MHD_Response *api_login(struct request *rq);
struct MHD_Response *api_logout(struct request *rq);
struct MHD_Response *api_password(struct request *rq);
struct MHD_Response *api_me(struct request *rq);
struct MHD_Response *api_tokens(struct request *rq);
struct MHD_Response *api_token_create(struct request *rq);
struct MHD_Response *api_token_delete(struct request *rq);
struct MHD_Response *api_admin_problems(struct request *rq);
struct MHD_Response *api_admin_problem(struct request *rq);
struct MHD_Response *api_admin_put(struct request *rq);
struct MHD_Response *api_admin_package(struct request *rq);
struct MHD_Response *api_admin_visibility(struct request *rq);
struct MHD_Response *api_admin_check(struct request *rq);
struct MHD_Response *api_admin_rejudge(struct request *rq);

/* The fields of a run or submission body, checked (submissions.c). */
struct job {
	const char	     *problem;
	const char	     *language;
	const char	     *code;
	size_t		      code_len;
	const char	     *input; /* NULL when absent */
	size_t		      input_len;
	struct store_problem *p;     /* the problem, samples loaded */
};

/*
 * Check body as {problem, language, code, input?} (input only when
 * allow_input): NULL when fine, with job->p set (free it with
 * store_problem_free()); else the error response: 400 for types and
 * missing fields, 413 over the caps, 422 for an unknown problem or
 * language.
 */
struct MHD_Response *job_parse(struct request *rq, json_t *body,
    bool allow_input, struct job *job);

/*
 * The JSON of a submission as GET /api/submissions/{id} answers it
 * (beats included when accepted). New reference.
 */
json_t *submission_json(struct app *app, const struct store_submission *s);

/* A problem's summary as GET /api/problems lists it (problems.c). */
json_t *problem_summary(const struct store_problem *p);
/* Whether rq's user may see p: it is not hidden, or they are an admin. */
bool problem_visible(struct request *rq, const struct store_problem *p);

/*
 * A slot for a run (/api/run, an admin's check) of rq's client: NULL
 * when taken (give it back with run_slot_give()), else the 429 answer.
 */
struct MHD_Response *run_slot_take(struct request *rq);
void		     run_slot_give(struct request *rq);

/* Whether rq's user may see s: its owner, or an admin. */
bool submission_visible(struct request *rq, const struct store_submission *s);
/*
 * The submission of rq->route.sub_id for rq's user: NULL with *out set,
 * else the error: 401 anonymous, 404 missing or someone else's (the
 * same answer), 500.
 */
struct MHD_Response *submission_lookup(struct request *rq, bool with_tests,
    struct store_submission **out);

#endif
