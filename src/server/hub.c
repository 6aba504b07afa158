/*
 * server/hub.c -- in-memory event topics for live progress; see hub.h.
 *
 * One mutex guards everything and one condition variable wakes waiting
 * subscribers; an event is a few hundred bytes and a topic a few dozen
 * events, so contention is not a concern at judging rates.
 */
#include "server/hub.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/clock.h"
#include "util/xalloc.h"

#define NBUCKETS 256

struct event {
	char *name;
	char *data;
};

struct topic {
	int64_t	      id;
	struct event *ev;
	size_t	      nev;
	bool	      finished;	  /* "done" published */
	int	      subs;	  /* subscribers holding it */
	int64_t	      idle_since; /* ms, when finished and unsubscribed */
	bool	      orphan;	  /* unlinked by hub_reopen, still followed */
	struct topic *next;	  /* in its bucket */
};

struct hub {
	pthread_mutex_t lock;
	pthread_cond_t	cond; /* broadcast on every publish */
	struct topic   *buckets[NBUCKETS];
	int		ntopics;
	int		linger_ms;
	unsigned long	npub; /* publishes so far: sweeps every 64 */
	bool		shut;
};

struct hub_sub {
	struct hub   *hub;
	struct topic *t;
	size_t	      pos; /* next event to hand out */
};

struct hub *
hub_new(int linger_ms)
{
	struct hub	  *h = xcalloc(1, sizeof(*h));
	pthread_condattr_t ca;

	pthread_mutex_init(&h->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&h->cond, &ca);
	pthread_condattr_destroy(&ca);
	h->linger_ms = linger_ms;
	return h;
}

static void
topic_free(struct topic *t)
{
	size_t i;

	for (i = 0; i < t->nev; i++) {
		free(t->ev[i].name);
		free(t->ev[i].data);
	}
	free(t->ev);
	free(t);
}

void
hub_free(struct hub *h)
{
	struct topic *t, *next;
	int	      b;

	if (h == NULL)
		return;
	for (b = 0; b < NBUCKETS; b++)
		for (t = h->buckets[b]; t != NULL; t = next) {
			next = t->next;
			topic_free(t);
		}
	pthread_cond_destroy(&h->cond);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

static void
append(struct topic *t, const char *name, const char *data)
{
	t->ev = xrealloc(t->ev, (t->nev + 1) * sizeof(*t->ev));
	t->ev[t->nev].name = xstrdup(name);
	t->ev[t->nev].data = xstrdup(data);
	t->nev++;
}

/* Drop finished topics nobody follows any more. Lock held. */
static void
collect(struct hub *h)
{
	int64_t	       now = clock_mono_ms();
	struct topic **pp, *t;
	int	       b;

	for (b = 0; b < NBUCKETS; b++) {
		pp = &h->buckets[b];
		while ((t = *pp) != NULL) {
			if (t->finished && t->subs == 0 &&
			    now - t->idle_since >= h->linger_ms) {
				*pp = t->next;
				topic_free(t);
				h->ntopics--;
			} else {
				pp = &t->next;
			}
		}
	}
}

/* Unlink t from its bucket without freeing it. Lock held. */
static void
unlink_topic(struct hub *h, struct topic *t)
{
	struct topic **pp = &h->buckets[(uint64_t)t->id % NBUCKETS];

	for (; *pp != NULL; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			h->ntopics--;
			return;
		}
}

/* Unlink and free one topic. Lock held. */
static void
drop(struct hub *h, struct topic *t)
{
	unlink_topic(h, t);
	topic_free(t);
}

/* The topic of id, created with its "queued" event. Lock held. */
static struct topic *
topic_get(struct hub *h, int64_t id)
{
	unsigned      b = (unsigned)((uint64_t)id % NBUCKETS);
	struct topic *t;
	char	      data[64];

	for (t = h->buckets[b]; t != NULL; t = t->next)
		if (t->id == id)
			return t;
	t = xcalloc(1, sizeof(*t));
	t->id = id;
	snprintf(data, sizeof(data), "{\"id\":%lld,\"status\":\"queued\"}",
	    (long long)id);
	append(t, "queued", data);
	t->next = h->buckets[b];
	h->buckets[b] = t;
	h->ntopics++;
	return t;
}

void
hub_publish(struct hub *h, int64_t id, const char *event, const char *data)
{
	struct topic *t;

	pthread_mutex_lock(&h->lock);
	t = topic_get(h, id);
	if (!t->finished && strcmp(event, "queued") != 0) {
		append(t, event, data);
		if (strcmp(event, "done") == 0) {
			t->finished = true;
			t->idle_since = clock_mono_ms();
		}
	}
	/* Sweep now and then: cheap, and it bounds memory. */
	if (++h->npub % 64 == 0)
		collect(h);
	pthread_cond_broadcast(&h->cond);
	pthread_mutex_unlock(&h->lock);
}

void
hub_reopen(struct hub *h, int64_t id)
{
	unsigned      b = (unsigned)((uint64_t)id % NBUCKETS);
	struct topic *t;

	pthread_mutex_lock(&h->lock);
	for (t = h->buckets[b]; t != NULL; t = t->next)
		if (t->id == id)
			break;
	if (t != NULL && t->finished) {
		/*
		 * Its subscribers read on to its old "done"; the next
		 * publish starts a new topic, so a new subscriber follows
		 * the new judging from "queued".
		 */
		unlink_topic(h, t);
		if (t->subs == 0)
			topic_free(t);
		else
			t->orphan = true;
	}
	pthread_mutex_unlock(&h->lock);
}

void
hub_shutdown(struct hub *h)
{
	pthread_mutex_lock(&h->lock);
	h->shut = true;
	pthread_cond_broadcast(&h->cond);
	pthread_mutex_unlock(&h->lock);
}

struct hub_sub *
hub_subscribe(struct hub *h, int64_t id)
{
	struct hub_sub *s = xcalloc(1, sizeof(*s));

	pthread_mutex_lock(&h->lock);
	s->hub = h;
	s->t = topic_get(h, id);
	s->t->subs++;
	pthread_mutex_unlock(&h->lock);
	return s;
}

void
hub_unsubscribe(struct hub_sub *s)
{
	struct hub *h;

	if (s == NULL)
		return;
	h = s->hub;
	pthread_mutex_lock(&h->lock);
	if (--s->t->subs == 0 && s->t->orphan)
		topic_free(s->t); /* reopened: nobody can find it any more */
	else if (s->t->subs == 0 && s->t->finished)
		s->t->idle_since = clock_mono_ms();
	else if (s->t->subs == 0 && !s->t->finished && s->t->nev <= 1)
		drop(h, s->t); /* only its own "queued": nothing to lose */
	collect(h);
	pthread_mutex_unlock(&h->lock);
	free(s);
}

int
hub_next(struct hub_sub *s, int timeout_ms, char **event, char **data)
{
	struct hub     *h = s->hub;
	struct timespec dl;
	int		rc;

	*event = *data = NULL;
	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += timeout_ms / 1000;
	dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (dl.tv_nsec >= 1000000000L) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&h->lock);
	for (;;) {
		if (s->pos < s->t->nev) {
			*event = xstrdup(s->t->ev[s->pos].name);
			*data = xstrdup(s->t->ev[s->pos].data);
			s->pos++;
			rc = 1;
			break;
		}
		if (s->t->finished || h->shut) {
			rc = -1;
			break;
		}
		if (pthread_cond_timedwait(&h->cond, &h->lock, &dl) != 0) {
			rc = 0;
			break;
		}
	}
	pthread_mutex_unlock(&h->lock);
	return rc;
}

int
hub_topics(struct hub *h)
{
	int n;

	pthread_mutex_lock(&h->lock);
	n = h->ntopics;
	pthread_mutex_unlock(&h->lock);
	return n;
}
