/*
 * server/hub.h -- live judging events, in memory, for Server-Sent Events.
 *
 * Workers publish what happens to a submission (compiling, each test,
 * done); the events endpoint subscribes and streams. A topic (one per
 * submission) keeps its whole history, so a subscriber that arrives late
 * replays it from the start: every stream begins with "queued" and ends
 * with "done". Finished topics are dropped a while after their last
 * subscriber leaves; the database remains the record. Thread-safe.
 */
#ifndef GAVEL_SERVER_HUB_H
#define GAVEL_SERVER_HUB_H

#include <stdbool.h>
#include <stdint.h>

struct hub;
struct hub_sub;

/* linger_ms: how long a finished topic stays for late subscribers. */
struct hub *hub_new(int linger_ms);
void	    hub_free(struct hub *h);

/*
 * Append an event (name such as "test", data: one line of JSON, copied)
 * to submission id's topic, creating it (with its "queued" event) when
 * needed. Publishing "done" finishes the topic.
 */
void hub_publish(struct hub *h, int64_t id, const char *event,
    const char *data);

/*
 * Submission id is judged again (rejudge): a finished topic of it is
 * forgotten, so the next events start a new one. Subscribers of the old
 * topic still read it to its end.
 */
void hub_reopen(struct hub *h, int64_t id);

/* Wake every subscriber and make hub_next() report the end. */
void hub_shutdown(struct hub *h);

/* Follow submission id's topic from its first event. Never NULL. */
struct hub_sub *hub_subscribe(struct hub *h, int64_t id);
void		hub_unsubscribe(struct hub_sub *s);

/*
 * The subscriber's next event: 1 with *event and *data (the caller frees
 * both), 0 when timeout_ms passed without one, -1 when the topic is
 * finished and fully read, or the hub shut down.
 */
int hub_next(struct hub_sub *s, int timeout_ms, char **event, char **data);

/* Topics held now (tests and the health endpoint). */
int hub_topics(struct hub *h);

#endif
