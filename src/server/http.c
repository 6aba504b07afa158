/*
 * server/http.c -- libmicrohttpd glue, request lifecycle and reply
 * helpers; see http.h and app.h.
 */
#include "server/http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "server/app.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xalloc.h"

/*
 * One per open connection, for the slow-client watchdog. libmicrohttpd's
 * own timeout only notices silence: a client that trickles one header
 * byte every few seconds would hold its thread forever. The watchdog
 * closes a connection whose request headers are not complete --timeout
 * seconds after it opened (or after its previous request ended), and one
 * whose body is still arriving 2 x --timeout seconds after its headers.
 */
struct conn_state {
	int		   fd;
	int64_t		   since_ms; /* opened, or last request ended */
	int64_t		   req_ms;   /* headers complete */
	bool		   busy;     /* a request is being handled */
	bool		   uploading; /* its body is still arriving */
	struct conn_state *prev, *next;
};

struct http {
	struct MHD_Daemon *d;
	pthread_mutex_t	   lock;  /* guards conns */
	pthread_cond_t	   cond;  /* wakes the watchdog to stop */
	struct conn_state *conns;
	pthread_t	   watchdog;
	bool		   watching, stop;
	int		   timeout_ms;
};

/* The body cap of rq: the upload cap on admin routes. */
static size_t
body_cap(const struct request *rq)
{
	if (rq->rstatus == ROUTE_OK && router_is_admin(rq->route.id))
		return rq->app->cfg->max_upload;
	return http_body_cap(rq->app);
}

size_t
http_body_cap(const struct app *app)
{
	/*
	 * JSON escaping grows code (every newline is two bytes), so the
	 * raw cap is generous; the fields are then checked exactly.
	 */
	return 2 * (app->cfg->max_code + app->cfg->max_input) + 16384;
}

/*** Reply helpers **********************************************************/

static void
common_headers(struct MHD_Response *r)
{
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
}

struct MHD_Response *
reply_json(struct request *rq, unsigned status, json_t *body)
{
	char		    *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	size_t		     n;
	struct MHD_Response *r;

	json_decref(body);
	if (text == NULL) {
		log_warnx("http: cannot encode the answer to %s %s",
		    rq->method, rq->path);
		status = 500;
		text = xstrdup("{\"error\":{\"code\":\"internal\","
			       "\"message\":\"cannot encode the answer\"}}");
	}
	n = strlen(text);
	text = xrealloc(text, n + 2);
	text[n++] = '\n';
	text[n] = '\0';
	r = MHD_create_response_from_buffer(n, text, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Type",
	    "application/json; charset=utf-8");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	common_headers(r);
	rq->status = status;
	return r;
}

/*
 * Replace, in place, every byte that does not belong to a well-formed
 * UTF-8 sequence (and every control character but tab) with '?', so
 * the text is always valid in a JSON string.
 */
static void
utf8_fix(unsigned char *p, size_t len, bool controls)
{
	unsigned char *end = p + len;
	size_t	       i, k, n;

	while (p < end) {
		if (*p < 0x80) {
			if ((*p < 0x20 && *p != '\t' && controls) || *p == 0)
				*p = '?';
			p++;
			continue;
		}
		n = (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3
		  : (*p & 0xf8) == 0xf0 ? 4 : 0;
		if (n > (size_t)(end - p))
			n = 0;
		for (k = 1; n && k < n; k++)
			if ((p[k] & 0xc0) != 0x80)
				n = 0;
		/* Overlong forms, surrogates, and above U+10FFFF. */
		if ((n == 2 && *p < 0xc2) ||
		    (n == 3 && *p == 0xe0 && p[1] < 0xa0) ||
		    (n == 3 && *p == 0xed && p[1] >= 0xa0) ||
		    (n == 4 && *p == 0xf0 && p[1] < 0x90) ||
		    (n == 4 && *p == 0xf4 && p[1] > 0x8f) ||
		    (n == 4 && *p > 0xf4))
			n = 0;
		if (n == 0) {
			*p++ = '?';
			continue;
		}
		for (i = 0; i < n; i++)
			p++;
	}
}

static void
utf8_sanitize(char *s)
{
	utf8_fix((unsigned char *)s, strlen(s), true);
}

json_t *
json_text(const char *s, size_t n)
{
	char   *copy;
	json_t *j;

	if (s == NULL)
		return json_null();
	if ((j = json_stringn(s, n)) != NULL && memchr(s, '\0', n) == NULL)
		return j;
	json_decref(j);
	copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	utf8_fix((unsigned char *)copy, n, false);
	j = json_stringn(copy, n);
	free(copy);
	return j ? j : json_null();
}

struct MHD_Response *
reply_error(struct request *rq, unsigned status, const char *code,
    const char *fmt, ...)
{
	char	msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* It may quote the client's bytes, perhaps cut mid-character. */
	utf8_sanitize(msg);
	return reply_json(rq, status,
	    json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg));
}

/* How long a client is told to wait for an operator to free the disk. */
#define NOSPACE_RETRY_S "60"

struct MHD_Response *
reply_store_failed(struct request *rq, enum store_rc rc, const char *what)
{
	struct MHD_Response *r;

	if (rc != STORE_NOSPACE)
		return reply_error(rq, 500, "internal",
		    "the database failed; %s", what);
	r = reply_error(rq, 503, "storage_full",
	    "the server's disk is full; nothing was stored. Try again later.");
	MHD_add_response_header(r, "Retry-After", NOSPACE_RETRY_S);
	return r;
}

const char *
query_arg(struct request *rq, const char *key)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND,
	    key);
}

json_t *
body_json(struct request *rq, struct MHD_Response **err)
{
	const char  *ct;
	json_t	    *j;
	json_error_t je;

	*err = NULL;
	ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_TYPE);
	/* No Content-Type is taken as JSON; any other type is refused. */
	if (ct != NULL && strncasecmp(ct, "application/json", 16) != 0) {
		*err = reply_error(rq, 415, "unsupported_media_type",
		    "send the body as application/json, not %.64s", ct);
		return NULL;
	}
	if (rq->len == 0) {
		*err = reply_error(rq, 400, "bad_request",
		    "the request needs a JSON body");
		return NULL;
	}
	/* NUL is allowed by the parser so that field_string can name it. */
	j = json_loadb(rq->body, rq->len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES,
	    &je);
	if (j == NULL) {
		*err = reply_error(rq, 400, "bad_request",
		    "invalid JSON at line %d column %d: %s", je.line,
		    je.column, je.text);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		*err = reply_error(rq, 400, "bad_request",
		    "the body must be a JSON object");
		return NULL;
	}
	return j;
}

int
field_string(struct request *rq, json_t *obj, const char *key, bool required,
    const char **out, size_t *len, struct MHD_Response **err)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	*len = 0;
	*err = NULL;
	if (v == NULL || (json_is_null(v) && !required)) {
		if (!required)
			return 0;
		*err = reply_error(rq, 400, "bad_request",
		    "missing field \"%s\"", key);
		return -1;
	}
	if (!json_is_string(v)) {
		*err = reply_error(rq, 400, "bad_request",
		    "field \"%s\" must be a string", key);
		return -1;
	}
	*out = json_string_value(v);
	*len = json_string_length(v);
	if (memchr(*out, '\0', *len) != NULL) {
		*err = reply_error(rq, 400, "bad_request",
		    "field \"%s\" contains a NUL character", key);
		return -1;
	}
	return 1;
}

const char *
iso_time(int64_t ms, char *buf, size_t n)
{
	time_t	  t = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (int)(ms % 1000));
	return buf;
}

/*** Request lifecycle ******************************************************/

static struct MHD_Response *
dispatch(struct request *rq)
{
	struct MHD_Response *r;

	if (rq->too_large)
		return reply_error(rq, 413, "too_large",
		    "the request body is larger than %zu bytes", body_cap(rq));
	switch (rq->rstatus) {
	case ROUTE_OK:
		break;
	case ROUTE_NOT_FOUND:
		return reply_error(rq, 404, "not_found", "no such resource");
	case ROUTE_BAD_METHOD:
		r = reply_error(rq, 405, "method_not_allowed",
		    "%s is not allowed here (allowed: %s)", rq->method,
		    rq->route.allow);
		MHD_add_response_header(r, "Allow", rq->route.allow);
		return r;
	}
	if (rq->route.id != ROUTE_STATIC && !rq->resolved &&
	    (r = auth_resolve(rq)) != NULL)
		return r;
	switch (rq->route.id) {
	case ROUTE_HEALTH:
		return api_health(rq);
	case ROUTE_LANGUAGES:
		return api_languages(rq);
	case ROUTE_PROBLEMS:
		return api_problems(rq);
	case ROUTE_PROBLEM:
		return api_problem(rq);
	case ROUTE_RUN:
		return api_run(rq);
	case ROUTE_SUBMIT:
		return api_submit(rq);
	case ROUTE_SUBMISSIONS:
		return api_submissions(rq);
	case ROUTE_SUBMISSION:
		return api_submission(rq);
	case ROUTE_SUBMISSION_EVENTS:
		return api_events(rq);
	case ROUTE_STATIC:
		return web_static(rq);
	case ROUTE_REGISTER:
		return api_register(rq);
	case ROUTE_LOGIN:
		return api_login(rq);
	case ROUTE_LOGOUT:
		return api_logout(rq);
	case ROUTE_PASSWORD:
		return api_password(rq);
	case ROUTE_ME:
		return api_me(rq);
	case ROUTE_TOKENS:
		return api_tokens(rq);
	case ROUTE_TOKEN_CREATE:
		return api_token_create(rq);
	case ROUTE_TOKEN_DELETE:
		return api_token_delete(rq);
	case ROUTE_ADMIN_PROBLEMS:
		return api_admin_problems(rq);
	case ROUTE_ADMIN_PROBLEM:
		return api_admin_problem(rq);
	case ROUTE_ADMIN_PUT:
		return api_admin_put(rq);
	case ROUTE_ADMIN_PACKAGE:
		return api_admin_package(rq);
	case ROUTE_ADMIN_VISIBILITY:
		return api_admin_visibility(rq);
	case ROUTE_ADMIN_CHECK:
		return api_admin_check(rq);
	case ROUTE_ADMIN_REJUDGE:
		return api_admin_rejudge(rq);
	case ROUTE_NONE:
		break;
	}
	return reply_error(rq, 404, "not_found", "no such resource");
}

static enum MHD_Result
answer(struct request *rq, struct MHD_Response *r)
{
	enum MHD_Result ok;

	rq->answered = true;
	ok = MHD_queue_response(rq->conn, rq->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* X-Forwarded-For, every such header joined in order (with commas). */
struct xff {
	char  *text;
	size_t len;
};

static enum MHD_Result
xff_add(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct xff *x = cls;
	size_t	    n;

	if (strcasecmp(key, "X-Forwarded-For") != 0 || value == NULL)
		return MHD_YES;
	n = strlen(value);
	x->text = xrealloc(x->text, x->len + n + 2);
	if (x->len > 0)
		x->text[x->len++] = ',';
	memcpy(x->text + x->len, value, n + 1);
	x->len += n;
	return MHD_YES;
}

/*
 * Who sent rq: its client's address, the proxy it came through if any,
 * and its limit key (see app.h and clientaddr.h). Every per-address
 * limit reads rq->client, so this is the one place that decides it.
 */
static void
request_client(struct request *rq)
{
	const union MHD_ConnectionInfo *ci;
	const struct proxies	       *trusted = &rq->app->cfg->trusted;
	struct ipaddr			peer, client;
	struct xff			x = { NULL, 0 };

	snprintf(rq->addr, sizeof(rq->addr), "?");
	snprintf(rq->client, sizeof(rq->client), "?");
	ci = MHD_get_connection_info(rq->conn,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || !ip_from_sockaddr(ci->client_addr, &peer))
		return;
	client = peer;
	if (trusted->n > 0 && proxies_trust(trusted, &peer)) {
		MHD_get_connection_values(rq->conn, MHD_HEADER_KIND, xff_add,
		    &x);
		client = ip_client(trusted, &peer, x.text);
		free(x.text);
		if (client.family != peer.family ||
		    memcmp(client.b, peer.b, sizeof(peer.b)) != 0)
			ip_text(&peer, rq->via, sizeof(rq->via));
	}
	ip_text(&client, rq->addr, sizeof(rq->addr));
	ip_key(&client, rq->client, sizeof(rq->client));
}

/*** Slow-client watchdog ***************************************************/

/* Record a connection's phase: busy (handling a request), uploading. */
static void
conn_mark(struct app *app, struct MHD_Connection *conn, bool busy,
    bool uploading)
{
	const union MHD_ConnectionInfo *ci;
	struct conn_state	       *cs;
	struct http		       *h = app->http;

	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (h == NULL || ci == NULL || (cs = ci->socket_context) == NULL)
		return;
	pthread_mutex_lock(&h->lock);
	if (busy && !cs->busy)
		cs->req_ms = clock_mono_ms();
	if (!busy)
		cs->since_ms = clock_mono_ms();
	cs->busy = busy;
	cs->uploading = uploading;
	pthread_mutex_unlock(&h->lock);
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct app		       *app = cls;
	struct http		       *h = app->http;
	struct conn_state	       *cs = *socket_context;
	const union MHD_ConnectionInfo *ci;

	if (h == NULL)
		return;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(conn,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		cs = xcalloc(1, sizeof(*cs));
		cs->fd = ci ? ci->connect_fd : -1;
		cs->since_ms = clock_mono_ms();
		pthread_mutex_lock(&h->lock);
		cs->next = h->conns;
		if (h->conns)
			h->conns->prev = cs;
		h->conns = cs;
		pthread_mutex_unlock(&h->lock);
		*socket_context = cs;
		return;
	}
	if (cs == NULL)
		return;
	/* Unlinked before libmicrohttpd closes the fd: never a reused one. */
	pthread_mutex_lock(&h->lock);
	if (cs->prev)
		cs->prev->next = cs->next;
	else
		h->conns = cs->next;
	if (cs->next)
		cs->next->prev = cs->prev;
	pthread_mutex_unlock(&h->lock);
	free(cs);
	*socket_context = NULL;
}

static void *
watchdog(void *arg)
{
	struct http	  *h = arg;
	struct conn_state *cs;
	struct timespec	   dl;
	int64_t		   now;

	pthread_mutex_lock(&h->lock);
	while (!h->stop) {
		clock_gettime(CLOCK_MONOTONIC, &dl);
		dl.tv_sec += 1;
		pthread_cond_timedwait(&h->cond, &h->lock, &dl);
		now = clock_mono_ms();
		for (cs = h->conns; cs != NULL; cs = cs->next) {
			if (cs->fd < 0)
				continue;
			if ((!cs->busy && now - cs->since_ms > h->timeout_ms) ||
			    (cs->uploading &&
				now - cs->req_ms > 2 * (int64_t)h->timeout_ms)) {
				log_info("http: closing a slow connection "
					 "(%s)",
				    cs->busy ? "body" : "headers");
				/* The connection's thread sees EOF and ends. */
				shutdown(cs->fd, SHUT_RDWR);
				cs->fd = -1;
			}
		}
	}
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct app	    *app = cls;
	struct request	    *rq = *con_cls;
	struct MHD_Response *r;
	size_t		     cap;

	if (rq == NULL) {
		const char *cl;

		conn_mark(app, conn, true, true);
		rq = xcalloc(1, sizeof(*rq));
		rq->app = app;
		rq->conn = conn;
		rq->start_us = clock_mono_us();
		snprintf(rq->method, sizeof(rq->method), "%s", method);
		rq->path = xstrdup(url);
		request_client(rq);
		rq->rstatus = router_match(method, url, &rq->route);
		*con_cls = rq;
		/*
		 * Admin routes take large bodies (packages): who is asking
		 * is settled before one byte of the body is read, so only
		 * an admin can make the server hold --max-upload-mb.
		 */
		if (rq->rstatus == ROUTE_OK && router_is_admin(rq->route.id)) {
			if ((r = auth_resolve(rq)) == NULL)
				r = auth_require_admin(rq);
			if (r != NULL)
				return answer(rq, r);
			rq->resolved = true;
		}
		/* Refuse a declared oversized body before reading any of it. */
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && strtoull(cl, NULL, 10) > body_cap(rq)) {
			rq->too_large = true;
			return answer(rq, dispatch(rq));
		}
		return MHD_YES;
	}
	cap = body_cap(rq);
	if (*upload_data_size > 0) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (rq->answered)
			return MHD_YES;
		if (rq->too_large || rq->len + n > cap) {
			/*
			 * A chunked body outgrew the cap. libmicrohttpd cannot
			 * answer in the middle of an upload, so the rest is
			 * swallowed for a 413 at its end, up to another cap;
			 * past that the connection is simply closed.
			 */
			rq->too_large = true;
			free(rq->body);
			rq->body = NULL;
			rq->len = rq->cap = 0;
			rq->discarded += n;
			return rq->discarded > 2 * cap ? MHD_NO : MHD_YES;
		}
		if (rq->len + n + 1 > rq->cap) {
			rq->cap = rq->len + n + 1 > 2 * rq->cap
				      ? rq->len + n + 1
				      : 2 * rq->cap;
			rq->body = xrealloc(rq->body, rq->cap);
		}
		memcpy(rq->body + rq->len, upload_data, n);
		rq->len += n;
		rq->body[rq->len] = '\0';
		return MHD_YES;
	}
	conn_mark(app, conn, true, false);
	if (rq->answered)
		return MHD_YES;
	return answer(rq, dispatch(rq));
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;
	static const char *const why[] = {
		[MHD_REQUEST_TERMINATED_COMPLETED_OK] = "",
		[MHD_REQUEST_TERMINATED_WITH_ERROR] = " (error)",
		[MHD_REQUEST_TERMINATED_TIMEOUT_REACHED] = " (timeout)",
		[MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN] = " (shutdown)",
		[MHD_REQUEST_TERMINATED_READ_ERROR] = " (read error)",
		[MHD_REQUEST_TERMINATED_CLIENT_ABORT] = " (client gone)",
	};
	const char *w = (unsigned)toe < sizeof(why) / sizeof(why[0]) &&
			    why[toe] != NULL
			    ? why[toe]
			    : " (?)";

	conn_mark(cls, conn, false, false);
	if (rq == NULL)
		return;
	log_info("%s%s%s%s \"%s %.200s\" %u %.1f ms%s", rq->addr,
	    rq->via[0] ? " (via " : "", rq->via, rq->via[0] ? ")" : "",
	    rq->method, rq->path, rq->answered ? rq->status : 0,
	    (double)(clock_mono_us() - rq->start_us) / 1000.0, w);
	free(rq->path);
	free(rq->body);
	free(rq);
	*con_cls = NULL;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';
	log_debug("http: %s", msg);
}
#pragma GCC diagnostic pop

/*
 * libmicrohttpd's cap of connections per address, counted when a
 * connection is accepted, by the peer's address: behind a trusted proxy
 * that is the proxy's, for everyone, so the cap would be a site-wide one
 * that any single client can fill. It is off then (0): the proxy limits
 * each client's connections; --max-connections and the watchdog stay.
 */
static unsigned
per_ip_limit(const struct server_config *cfg)
{
	return cfg->trusted.n > 0 ? 0u : (unsigned)cfg->max_per_ip;
}

struct http *
http_start(struct app *app, uint16_t *port)
{
	const struct server_config *cfg = app->cfg;
	struct sockaddr_storage	    ss;
	struct sockaddr_in	   *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6	   *v6 = (struct sockaddr_in6 *)&ss;
	unsigned		    flags = MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
			 MHD_USE_ERROR_LOG;
	const union MHD_DaemonInfo *di;
	struct http		   *h;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, cfg->bind, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons(cfg->port);
	} else if (inet_pton(AF_INET6, cfg->bind, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons(cfg->port);
		flags |= MHD_USE_IPv6;
	} else {
		log_warnx("http: --bind %s is not an IP address", cfg->bind);
		return NULL;
	}
	h = xcalloc(1, sizeof(*h));
	pthread_mutex_init(&h->lock, NULL);
	{
		pthread_condattr_t ca;

		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&h->cond, &ca);
		pthread_condattr_destroy(&ca);
	}
	h->timeout_ms = cfg->timeout_s * 1000;
	app->http = h;
	h->d = MHD_start_daemon(flags, cfg->port, NULL, NULL, on_request, app,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_connections,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_limit(cfg),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, app,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, app,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
	    MHD_OPTION_END);
	if (h->d == NULL) {
		log_warn("http: cannot listen on %s port %u", cfg->bind,
		    (unsigned)cfg->port);
		app->http = NULL;
		pthread_cond_destroy(&h->cond);
		pthread_mutex_destroy(&h->lock);
		free(h);
		return NULL;
	}
	if (pthread_create(&h->watchdog, NULL, watchdog, h) == 0)
		h->watching = true;
	di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	*port = di != NULL ? di->port : cfg->port;
	return h;
}

void
http_quiesce(struct http *h)
{
	MHD_socket s;

	if (h == NULL || h->d == NULL)
		return;
	s = MHD_quiesce_daemon(h->d);
	if (s != MHD_INVALID_SOCKET)
		close(s);
}

void
http_stop(struct http *h)
{
	if (h == NULL)
		return;
	if (h->watching) {
		pthread_mutex_lock(&h->lock);
		h->stop = true;
		pthread_cond_signal(&h->cond);
		pthread_mutex_unlock(&h->lock);
		pthread_join(h->watchdog, NULL);
	}
	if (h->d != NULL)
		MHD_stop_daemon(h->d);
	pthread_cond_destroy(&h->cond);
	pthread_mutex_destroy(&h->lock);
	free(h);
}
