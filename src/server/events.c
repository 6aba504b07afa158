/*
 * server/events.c -- GET /api/submissions/{id}/events: Server-Sent Events
 * of a submission's judging, from the hub.
 *
 * The stream is a libmicrohttpd callback response; its reader runs on the
 * connection's own thread and blocks on the hub until the next event (or
 * a keep-alive comment every KEEPALIVE_MS). A submission already done
 * gets its `done` event at once. Every KEEPALIVE_MS (or half the idle
 * timeout, if shorter) the database is checked too, so a stream never
 * hangs on a submission judged elsewhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/app.h"
#include "server/hub.h"
#include "util/xalloc.h"

#define KEEPALIVE_MS 15000

struct stream {
	struct app     *app;
	int64_t		id;
	struct hub_sub *sub;	/* NULL once done */
	char	       *buf;	/* formatted, not yet sent */
	size_t		len, off;
	unsigned	seq;	/* the SSE id: line */
	bool		ended;	/* after buf: end of stream */
};

static void
stream_add(struct stream *s, const char *event, const char *data)
{
	char  *chunk;
	size_t n;

	if (event != NULL)
		chunk = xasprintf("id: %u\nevent: %s\ndata: %s\n\n", ++s->seq,
		    event, data);
	else
		chunk = xstrdup(data); /* a comment */
	n = strlen(chunk);
	s->buf = xrealloc(s->buf, s->len + n + 1);
	memcpy(s->buf + s->len, chunk, n + 1);
	s->len += n;
	free(chunk);
}

/* The done event from the database, if the submission is done. */
static bool
done_from_store(struct stream *s)
{
	struct store_submission *sub;
	char			*text;
	bool			 done = false;

	if (store_submission_get(s->app->store, s->id, true, &sub) != STORE_OK)
		return false;
	if (sub->status == STORE_DONE) {
		json_t *j = submission_json(s->app, sub);

		text = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		stream_add(s, "done", text ? text : "{}");
		free(text);
		done = true;
	}
	store_submission_free(sub);
	return done;
}

/* Keep-alives come often enough for the idle timeout never to bite. */
static int
keepalive_ms(const struct app *app)
{
	int half = app->cfg->timeout_s * 1000 / 2;

	return half > 0 && half < KEEPALIVE_MS ? half : KEEPALIVE_MS;
}

static ssize_t
reader(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream *s = cls;
	char	      *ev, *data;
	size_t	       n;
	int	       r;

	while (s->off == s->len) {
		s->off = s->len = 0;
		if (s->ended || s->sub == NULL)
			return MHD_CONTENT_READER_END_OF_STREAM;
		r = hub_next(s->sub, keepalive_ms(s->app), &ev, &data);
		if (r == 1) {
			stream_add(s, ev, data);
			if (strcmp(ev, "done") == 0)
				s->ended = true;
			free(ev);
			free(data);
		} else if (r == 0) {
			if (done_from_store(s))
				s->ended = true;
			else
				stream_add(s, NULL, ": keep-alive\n\n");
		} else {
			s->ended = true; /* shutting down: the client retries */
		}
	}
	n = s->len - s->off < max ? s->len - s->off : max;
	memcpy(out, s->buf + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream *s = cls;

	hub_unsubscribe(s->sub);
	free(s->buf);
	free(s);
}

struct MHD_Response *
api_events(struct request *rq)
{
	struct store_submission *sub;
	struct MHD_Response	*r;
	struct stream		*s;

	/*
	 * Subscribe before reading the status: if it is not done yet, its
	 * "done" is published after this read, so into the topic we hold.
	 * That is why finished topics need not linger long.
	 */
	s = xcalloc(1, sizeof(*s));
	s->app = rq->app;
	s->id = rq->route.sub_id;
	s->sub = hub_subscribe(rq->app->hub, s->id);
	if ((r = submission_lookup(rq, false, &sub)) != NULL) {
		stream_free(s);
		return r;
	}
	if (sub->status == STORE_DONE) {
		/* Late: the outcome only. */
		hub_unsubscribe(s->sub);
		s->sub = NULL;
		done_from_store(s);
		s->ended = true;
	}
	store_submission_free(sub);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16384, reader,
	    s, stream_free);
	MHD_add_response_header(r, "Content-Type", "text/event-stream");
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	MHD_add_response_header(r, "X-Accel-Buffering", "no");
	rq->status = 200;
	return r;
}
