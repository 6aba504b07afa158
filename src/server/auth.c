/*
 * server/auth.c -- accounts over HTTP: resolving who sent a request,
 * cross-site request forgery checks, register, login, logout, password
 * change, /api/me, API tokens, per-user rate limits.
 *
 * Secrets: a session cookie and an API token are 32 random bytes; the
 * database keeps only their BLAKE2b hash (credentials.c), so a stolen
 * database opens no session. Passwords are Argon2id hashes. Nothing
 * here logs a password, a token or a cookie.
 *
 * Guessing: failed logins count against the username and against the
 * client address (leaky buckets, limit.c); either one full answers 429
 * with Retry-After before any password is checked. An unknown username
 * is verified against a dummy hash, so it costs the same time and gets
 * the same 401 as a wrong password.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server/app.h"
#include "server/limit.h"
#include "util/clock.h"
#include "util/log.h"

#define COOKIE	     "gavel_session"
#define TOKEN_PREFIX "gvl_"
#define MAX_TOKENS   50	  /* live API tokens per user */
#define TOKEN_NAME_MAX 64
#define LIMIT_KEYS   100000 /* keys per limiter */

void
auth_init(struct app *app)
{
	const struct server_config *cfg = app->cfg;

	/* 5 failures in a row, then one more a minute per username. */
	app->login_user = limiter_new(5, 1.0 / 60, LIMIT_KEYS);
	/* 20 failures, then one every 6 s, per address. */
	app->login_addr = limiter_new(20, 1.0 / 6, LIMIT_KEYS);
	/* 20 registrations, then one a minute, per address. */
	app->signups = limiter_new(20, 1.0 / 60, LIMIT_KEYS);
	if (cfg->rate_runs > 0)
		app->user_runs = limiter_new(cfg->rate_runs,
		    cfg->rate_runs / 60.0, LIMIT_KEYS);
	if (cfg->rate_submissions > 0)
		app->user_subs = limiter_new(cfg->rate_submissions,
		    cfg->rate_submissions / 60.0, LIMIT_KEYS);
}

void
auth_fini(struct app *app)
{
	limiter_free(app->login_user);
	limiter_free(app->login_addr);
	limiter_free(app->signups);
	limiter_free(app->user_runs);
	limiter_free(app->user_subs);
}

/*** The contract: who is it ***********************************************/

const struct principal *
request_principal(struct request *rq)
{
	return rq->authed ? &rq->who : NULL;
}

struct MHD_Response *
auth_require_user(struct request *rq)
{
	if (rq->authed)
		return NULL;
	return reply_error(rq, 401, "unauthorized",
	    "log in (or send an API token) first");
}

struct MHD_Response *
auth_require_admin(struct request *rq)
{
	struct MHD_Response *r;

	if ((r = auth_require_user(rq)) != NULL)
		return r;
	if (!rq->who.admin)
		return reply_error(rq, 403, "forbidden",
		    "this needs an administrator");
	return NULL;
}

/*** Resolution and CSRF ****************************************************/

static bool
is_safe_method(const char *m)
{
	return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0;
}

static void
principal_set(struct request *rq, const struct store_user *u, bool token)
{
	memset(&rq->who, 0, sizeof(rq->who));
	rq->who.id = u->id;
	snprintf(rq->who.name, sizeof(rq->who.name), "%s", u->name);
	rq->who.admin = u->admin;
	rq->who.via_token = token;
	rq->who_created_ms = u->created_ms;
	rq->authed = true;
}

static const char *
header(struct request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

/* Authorization: Bearer <token>. NULL when fine, else the 401. */
static struct MHD_Response *
resolve_bearer(struct request *rq, const char *authz)
{
	char		   digest[CRED_DIGEST_MAX];
	struct store_user *u = NULL;
	const char	  *tok;
	enum store_rc	   rc;

	if (strncasecmp(authz, "Bearer ", 7) != 0)
		return reply_error(rq, 401, "unauthorized",
		    "Authorization must be \"Bearer <API token>\"");
	tok = authz + 7;
	while (*tok == ' ')
		tok++;
	if (strncmp(tok, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) != 0 ||
	    strlen(tok) >= CRED_TOKEN_MAX)
		return reply_error(rq, 401, "unauthorized",
		    "that is not a Gavel API token");
	cred_digest(tok, digest);
	rc = store_token_use(rq->app->store, digest, &u);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return reply_store_failed(rq, rc, "try again");
	if (rc != STORE_OK || u->disabled) {
		store_user_free(u);
		return reply_error(rq, 401, "unauthorized",
		    "the API token is invalid or revoked");
	}
	principal_set(rq, u, true);
	store_user_free(u);
	return NULL;
}

/* The session cookie: a stale or unknown one just means anonymous. */
static struct MHD_Response *
resolve_cookie(struct request *rq, const char *cookie)
{
	struct store_user *u = NULL;
	char		  *csrf = NULL;
	enum store_rc	   rc;

	if (strlen(cookie) >= CRED_TOKEN_MAX || cookie[0] == '\0')
		return NULL;
	cred_digest(cookie, rq->session);
	rc = store_session_get(rq->app->store, rq->session, &u, &csrf);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return reply_store_failed(rq, rc, "try again");
	if (rc == STORE_OK && !u->disabled) {
		principal_set(rq, u, false);
		snprintf(rq->csrf, sizeof(rq->csrf), "%s", csrf);
	} else {
		rq->session[0] = '\0';
	}
	store_user_free(u);
	free(csrf);
	return NULL;
}

struct MHD_Response *
auth_resolve(struct request *rq)
{
	const char	    *origin, *authz, *cookie, *token;
	struct MHD_Response *r;
	bool		     unsafe = !is_safe_method(rq->method);

	/*
	 * A browser sends Origin with every cross-site POST; a page of
	 * another site must not make this one act, logged in or not.
	 */
	origin = header(rq, "Origin");
	if (unsafe && origin != NULL &&
	    !cred_same_origin(origin, header(rq, "Host")))
		return reply_error(rq, 403, "csrf",
		    "cross-site requests are refused (Origin %.100s)", origin);
	if ((authz = header(rq, "Authorization")) != NULL)
		return resolve_bearer(rq, authz);
	cookie = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, COOKIE);
	if (cookie != NULL && (r = resolve_cookie(rq, cookie)) != NULL)
		return r;
	/*
	 * A cookie rides along with any request the browser makes, so a
	 * state change on its strength needs proof that the page that sent
	 * it could read /api/me: the session's CSRF token. Login and
	 * register do not act as the session, so they are exempt.
	 */
	if (rq->authed && unsafe && rq->route.id != ROUTE_LOGIN &&
	    rq->route.id != ROUTE_REGISTER) {
		token = header(rq, "X-CSRF-Token");
		if (token == NULL || !cred_equal(token, rq->csrf))
			return reply_error(rq, 403, "csrf",
			    "missing or wrong X-CSRF-Token header");
	}
	return NULL;
}

struct MHD_Response *
auth_rate(struct request *rq, struct limiter *lim, const char *what)
{
	struct MHD_Response *r;
	char		     key[32], secs[16];
	int		     w;

	if (lim == NULL || !rq->authed)
		return NULL;
	snprintf(key, sizeof(key), "%lld", (long long)rq->who.id);
	if ((w = limiter_take(lim, key, clock_mono_ms())) == 0)
		return NULL;
	r = reply_error(rq, 429, "rate_limited",
	    "too many %s; try again in %d s", what, w);
	snprintf(secs, sizeof(secs), "%d", w);
	MHD_add_response_header(r, "Retry-After", secs);
	return r;
}

/*** Replies ****************************************************************/

static json_t *
user_json(int64_t id, const char *name, bool admin, int64_t created_ms)
{
	char buf[40];

	return json_pack("{s:I,s:s,s:b,s:s}", "id", (json_int_t)id,
	    "username", name, "admin", admin, "created_at",
	    iso_time(created_ms, buf, sizeof(buf)));
}

static int64_t
session_ttl_s(const struct server_config *cfg)
{
	return cfg->session_ttl_s > 0 ? cfg->session_ttl_s
				      : (int64_t)cfg->session_days * 86400;
}

static void
set_cookie(struct request *rq, struct MHD_Response *r, const char *token)
{
	char buf[256];

	snprintf(buf, sizeof(buf),
	    COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%lld%s",
	    token ? token : "",
	    token ? (long long)session_ttl_s(rq->app->cfg) : 0LL,
	    rq->app->cfg->secure_cookies ? "; Secure" : "");
	MHD_add_response_header(r, "Set-Cookie", buf);
}

static struct MHD_Response *
no_content(struct request *rq)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	rq->status = 204;
	return r;
}

static struct MHD_Response *
too_busy(struct request *rq)
{
	struct MHD_Response *r = reply_error(rq, 503, "busy",
	    "the server is checking too many passwords; try again");

	MHD_add_response_header(r, "Retry-After", "2");
	return r;
}

static struct MHD_Response *
throttled(struct request *rq, int secs)
{
	struct MHD_Response *r;
	char		     buf[16];

	r = reply_error(rq, 429, "rate_limited",
	    "too many attempts; try again in %d s", secs);
	snprintf(buf, sizeof(buf), "%d", secs);
	MHD_add_response_header(r, "Retry-After", buf);
	return r;
}

/*
 * Start a session for user u: a new cookie, and the answer
 * {"user", "csrf_token"} with status.
 */
static struct MHD_Response *
start_session(struct request *rq, unsigned status, const struct store_user *u)
{
	char		     token[CRED_TOKEN_MAX], digest[CRED_DIGEST_MAX];
	char		     csrf[CRED_TOKEN_MAX];
	struct MHD_Response *r;
	size_t		     purged;
	enum store_rc	     rc;

	cred_token("", token);
	cred_token("", csrf);
	cred_digest(token, digest);
	rc = store_session_add(rq->app->store, digest, u->id, csrf,
	    clock_wall_ms() + session_ttl_s(rq->app->cfg) * 1000);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	store_session_purge(rq->app->store, &purged);
	r = reply_json(rq, status,
	    json_pack("{s:o,s:s}", "user",
		user_json(u->id, u->name, u->admin, u->created_ms),
		"csrf_token", csrf));
	set_cookie(rq, r, token);
	return r;
}

/*
 * The body as an object with only the named string fields (all
 * required). NULL with *err set on failure.
 */
static json_t *
body_fields(struct request *rq, const char *const *keys, const char **vals,
    size_t *lens, struct MHD_Response **err)
{
	json_t	   *body, *v;
	const char *key;
	size_t	    i;

	if ((body = body_json(rq, err)) == NULL)
		return NULL;
	json_object_foreach(body, key, v) {
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		if (keys[i] == NULL) {
			*err = reply_error(rq, 400, "bad_request",
			    "unknown field \"%.64s\"", key);
			json_decref(body);
			return NULL;
		}
	}
	for (i = 0; keys[i] != NULL; i++)
		if (field_string(rq, body, keys[i], true, &vals[i], &lens[i],
			err) < 0) {
			json_decref(body);
			return NULL;
		}
	return body;
}

/*** Register, login, logout, password, me *********************************/

static const char *const credential_keys[] = { "username", "password", NULL };

struct MHD_Response *
api_register(struct request *rq)
{
	const char	    *v[2];
	size_t		     n[2];
	char		     hash[CRED_HASH_MAX];
	struct MHD_Response *err;
	struct store_user   *u = NULL;
	json_t		    *body;
	const char	    *why;
	int64_t		     id;
	int		     w;
	enum store_rc	     rc;

	if (rq->app->cfg->no_register)
		return reply_error(rq, 403, "forbidden",
		    "registration is closed here; ask an administrator");
	if ((body = body_fields(rq, credential_keys, v, n, &err)) == NULL)
		return err;
	if (!cred_valid_name(v[0]))
		err = reply_error(rq, 400, "bad_request",
		    "a username is 3 to 32 characters of A-Z, a-z, 0-9, "
		    "'_', '.', '-'");
	else if ((why = cred_password_problem(v[1], n[1])) != NULL)
		err = reply_error(rq, 400, "bad_request", "%s", why);
	else if ((w = limiter_take(rq->app->signups, rq->client,
		      clock_mono_ms())) > 0)
		err = throttled(rq, w);
	else if (cred_hash(v[1], n[1], hash) != 0)
		err = too_busy(rq);
	if (err != NULL) {
		json_decref(body);
		return err;
	}
	rc = store_user_add(rq->app->store, v[0], hash, false, &id);
	if (rc == STORE_OK) {
		log_info("auth: %s registered user %s", rq->addr, v[0]);
		rc = store_user_get_id(rq->app->store, id, &u);
	}
	if (rc == STORE_CONFLICT)
		err = reply_error(rq, 409, "conflict",
		    "the username %s is taken", v[0]);
	else if (rc != STORE_OK)
		err = reply_store_failed(rq, rc, "try again");
	else
		err = start_session(rq, 201, u);
	store_user_free(u);
	json_decref(body);
	return err;
}

/* The throttle key of a username: case folded, like the names. */
static void
user_key(const char *name, char *key, size_t n)
{
	size_t i;

	snprintf(key, n, "%.64s", name);
	for (i = 0; key[i] != '\0'; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
}

/*
 * Count a password attempt for username and the client; 0 when allowed,
 * else the seconds to wait (nothing counted). Each count is a take that
 * checks and counts at once: concurrent attempts cannot all pass a check
 * before any of them is counted.
 */
static int
attempt(struct request *rq, const char *key)
{
	struct app *app = rq->app;
	int64_t	    now = clock_mono_ms();
	int	    a, b;

	if ((a = limiter_take(app->login_user, key, now)) > 0) {
		b = limiter_wait(app->login_addr, rq->client, now);
		return a > b ? a : b;
	}
	if ((b = limiter_take(app->login_addr, rq->client, now)) > 0) {
		limiter_refund(app->login_user, key);
		return b;
	}
	return 0;
}

/* A password was right: the attempt does not count. */
static void
attempt_ok(struct request *rq, const char *key)
{
	limiter_reset(rq->app->login_user, key);
	limiter_refund(rq->app->login_addr, rq->client);
}

struct MHD_Response *
api_login(struct request *rq)
{
	const char	    *v[2];
	size_t		     n[2];
	char		     key[80];
	struct MHD_Response *err = NULL;
	struct store_user   *u = NULL;
	json_t		    *body;
	bool		     ok, busy;
	int		     w;
	enum store_rc	     rc;

	if ((body = body_fields(rq, credential_keys, v, n, &err)) == NULL)
		return err;
	user_key(v[0], key, sizeof(key));
	if ((w = attempt(rq, key)) > 0) {
		log_info("auth: %s: login throttled", rq->addr);
		json_decref(body);
		return throttled(rq, w);
	}
	rc = cred_valid_name(v[0]) ? store_user_get(rq->app->store, v[0], &u)
				   : STORE_NOTFOUND;
	if (rc != STORE_OK && rc != STORE_NOTFOUND) {
		json_decref(body);
		return reply_store_failed(rq, rc, "try again");
	}
	/* Unknown users are checked against the dummy hash: same time. */
	ok = n[1] <= CRED_PASSWORD_MAX &&
	     cred_verify(u ? u->pwhash : NULL, v[1], n[1], &busy);
	if (!ok && busy)
		err = too_busy(rq);
	else if (!ok)
		err = reply_error(rq, 401, "unauthorized",
		    "wrong username or password");
	else if (u->disabled)
		err = reply_error(rq, 403, "forbidden",
		    "this account is disabled");
	if (err != NULL) {
		if (rq->status == 401)
			log_info("auth: %s: failed login", rq->addr);
		store_user_free(u);
		json_decref(body);
		return err;
	}
	attempt_ok(rq, key);
	err = start_session(rq, 200, u);
	store_user_free(u);
	json_decref(body);
	return err;
}

struct MHD_Response *
api_logout(struct request *rq)
{
	struct MHD_Response *r;
	enum store_rc	     rc;

	if (rq->authed && rq->who.via_token)
		return reply_error(rq, 400, "bad_request",
		    "an API token has no session to end; revoke it with "
		    "DELETE /api/tokens/{id}");
	if (rq->session[0] != '\0' &&
	    (rc = store_session_delete(rq->app->store, rq->session)) !=
		STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	r = no_content(rq);
	set_cookie(rq, r, NULL);
	return r;
}

struct MHD_Response *
api_password(struct request *rq)
{
	static const char *const keys[] = { "old_password", "new_password",
		NULL };
	const char	    *v[2];
	size_t		     n[2];
	char		     key[80], hash[CRED_HASH_MAX];
	struct MHD_Response *err;
	struct store_user   *u = NULL;
	json_t		    *body;
	const char	    *why;
	bool		     busy = false;
	int		     w;
	enum store_rc	     rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if ((body = body_fields(rq, keys, v, n, &err)) == NULL)
		return err;
	user_key(rq->who.name, key, sizeof(key));
	if ((why = cred_password_problem(v[1], n[1])) != NULL)
		err = reply_error(rq, 400, "bad_request", "new password: %s",
		    why);
	else if ((w = attempt(rq, key)) > 0)
		err = throttled(rq, w);
	else if ((rc = store_user_get_id(rq->app->store, rq->who.id, &u)) !=
		 STORE_OK)
		err = reply_store_failed(rq, rc, "try again");
	else if (n[0] > CRED_PASSWORD_MAX ||
		 !cred_verify(u->pwhash, v[0], n[0], &busy))
		err = busy ? too_busy(rq)
			   : reply_error(rq, 403, "forbidden",
				 "the old password is wrong");
	else if (cred_hash(v[1], n[1], hash) != 0)
		err = too_busy(rq);
	else if ((rc = store_user_set_password(rq->app->store, rq->who.id,
		      hash, rq->session[0] ? rq->session : NULL)) != STORE_OK)
		err = reply_store_failed(rq, rc, "try again");
	if (err == NULL) {
		attempt_ok(rq, key);
		log_info("auth: %s changed the password of %s", rq->addr,
		    rq->who.name);
		err = no_content(rq);
	}
	store_user_free(u);
	json_decref(body);
	return err;
}

struct MHD_Response *
api_me(struct request *rq)
{
	struct MHD_Response *err;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	return reply_json(rq, 200,
	    json_pack("{s:o,s:o}", "user",
		user_json(rq->who.id, rq->who.name, rq->who.admin,
		    rq->who_created_ms),
		"csrf_token",
		rq->who.via_token ? json_null() : json_string(rq->csrf)));
}

/*** API tokens *************************************************************/

struct MHD_Response *
api_tokens(struct request *rq)
{
	struct store_token_list l;
	struct MHD_Response    *err;
	json_t		       *arr;
	char		        buf[40];
	size_t		        i;
	enum store_rc		rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if ((rc = store_token_list(rq->app->store, rq->who.id, &l)) != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	arr = json_array();
	for (i = 0; i < l.n; i++) {
		json_t *t = json_pack("{s:I,s:o,s:s}", "id",
		    (json_int_t)l.items[i].id, "name",
		    json_text(l.items[i].name, strlen(l.items[i].name)),
		    "created_at",
		    iso_time(l.items[i].created_ms, buf, sizeof(buf)));

		json_object_set_new(t, "last_used_at",
		    l.items[i].last_used_ms > 0
			? json_string(iso_time(l.items[i].last_used_ms, buf,
			      sizeof(buf)))
			: json_null());
		json_array_append_new(arr, t);
	}
	store_token_list_free(&l);
	return reply_json(rq, 200, json_pack("{s:o}", "tokens", arr));
}

struct MHD_Response *
api_token_create(struct request *rq)
{
	static const char *const keys[] = { "name", NULL };
	const char		*v[1];
	size_t			 n[1], i;
	char			 token[CRED_TOKEN_MAX], digest[CRED_DIGEST_MAX];
	struct store_token_list	 l;
	struct MHD_Response	*err;
	json_t			*body;
	int64_t			 id;
	enum store_rc		 rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if ((body = body_fields(rq, keys, v, n, &err)) == NULL)
		return err;
	for (i = 0; i < n[0]; i++)
		if ((unsigned char)v[0][i] < 0x20 || v[0][i] == 0x7f)
			break;
	if (n[0] == 0 || n[0] > TOKEN_NAME_MAX || i < n[0]) {
		json_decref(body);
		return reply_error(rq, 400, "bad_request",
		    "a token name is 1 to %d bytes, no control characters",
		    TOKEN_NAME_MAX);
	}
	if ((rc = store_token_list(rq->app->store, rq->who.id, &l)) !=
	    STORE_OK) {
		json_decref(body);
		return reply_store_failed(rq, rc, "try again");
	}
	i = l.n;
	store_token_list_free(&l);
	if (i >= MAX_TOKENS) {
		json_decref(body);
		return reply_error(rq, 409, "conflict",
		    "you have %d API tokens; revoke one first", MAX_TOKENS);
	}
	cred_token(TOKEN_PREFIX, token);
	cred_digest(token, digest);
	if ((rc = store_token_add(rq->app->store, rq->who.id, v[0], digest,
		 &id)) != STORE_OK) {
		json_decref(body);
		return reply_store_failed(rq, rc, "try again");
	}
	err = reply_json(rq, 201,
	    json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "name", v[0],
		"token", token));
	json_decref(body);
	return err;
}

struct MHD_Response *
api_token_delete(struct request *rq)
{
	struct MHD_Response *err;
	enum store_rc	     rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	rc = store_token_revoke(rq->app->store, rq->who.id, rq->route.sub_id);
	if (rc == STORE_NOTFOUND)
		return reply_error(rq, 404, "not_found", "no token %lld",
		    (long long)rq->route.sub_id);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	return no_content(rq);
}
