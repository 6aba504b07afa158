/*
 * server/http.h -- the libmicrohttpd daemon: listening, connection
 * limits, timeouts, body caps, dispatch through the router, one log line
 * per request.
 *
 * One thread per connection (libmicrohttpd's THREAD_PER_CONNECTION), so
 * a handler may block: /api/run judges on its connection's thread and an
 * event stream waits on the hub. Connections are bounded in total and
 * per address, and idle ones are closed after the timeout.
 */
#ifndef GAVEL_SERVER_HTTP_H
#define GAVEL_SERVER_HTTP_H

#include <stddef.h>
#include <stdint.h>

struct app;
struct http;

/* Listen and serve. NULL on failure (logged). *port gets the real port. */
struct http *http_start(struct app *app, uint16_t *port);
/* Stop accepting new connections; the current ones carry on. */
void http_quiesce(struct http *h);
/* Close every connection (after their handlers return) and free. */
void http_stop(struct http *h);

/* The body cap of a request, from the code and input caps. */
size_t http_body_cap(const struct app *app);

#endif
