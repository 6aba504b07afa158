/*
 * tests/unit/server/test_hub.c -- the live-events hub (src/server/hub.c):
 * replay from the start, order, end of stream, shutdown.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "server/hub.h"

static void
expect(struct hub_sub *s, const char *event)
{
	char *e, *d;

	cr_assert_eq(hub_next(s, 1000, &e, &d), 1);
	cr_assert_str_eq(e, event);
	free(e);
	free(d);
}

Test(hub, late_subscriber_replays_in_order)
{
	struct hub     *h = hub_new(0);
	struct hub_sub *s;
	char	       *e, *d;

	hub_publish(h, 5, "compiling", "{}");
	hub_publish(h, 5, "test", "{\"index\":1}");
	hub_publish(h, 5, "done", "{}");
	hub_publish(h, 5, "test", "{\"index\":2}"); /* after done: ignored */
	s = hub_subscribe(h, 5);
	expect(s, "queued");
	expect(s, "compiling");
	expect(s, "test");
	expect(s, "done");
	cr_assert_eq(hub_next(s, 10, &e, &d), -1);
	hub_unsubscribe(s);
	hub_free(h);
}

Test(hub, timeout_then_event)
{
	struct hub     *h = hub_new(0);
	struct hub_sub *s = hub_subscribe(h, 1);
	char	       *e, *d;

	expect(s, "queued");
	cr_assert_eq(hub_next(s, 20, &e, &d), 0);
	hub_publish(h, 1, "compiling", "{}");
	expect(s, "compiling");
	hub_unsubscribe(s);
	hub_free(h);
}

Test(hub, shutdown_ends_streams)
{
	struct hub     *h = hub_new(0);
	struct hub_sub *s = hub_subscribe(h, 1);
	char	       *e, *d;

	expect(s, "queued");
	hub_shutdown(h);
	cr_assert_eq(hub_next(s, 5000, &e, &d), -1);
	hub_unsubscribe(s);
	hub_free(h);
}

Test(hub, finished_topics_are_collected)
{
	struct hub     *h = hub_new(0);
	struct hub_sub *s;
	int		i;

	for (i = 1; i <= 200; i++) {
		hub_publish(h, i, "compiling", "{}");
		hub_publish(h, i, "done", "{}");
	}
	s = hub_subscribe(h, 1000);
	hub_unsubscribe(s); /* sweeps */
	cr_assert_lt(hub_topics(h), 5);
	hub_free(h);
}

Test(hub, abandoned_empty_topics_are_dropped)
{
	struct hub *h = hub_new(60000);
	int	    i;

	/* Streams of unknown ids open and close: nothing may pile up. */
	for (i = 1; i <= 100; i++)
		hub_unsubscribe(hub_subscribe(h, i));
	cr_assert_eq(hub_topics(h), 0);
	/* A topic with real events stays until done. */
	hub_publish(h, 7, "compiling", "{}");
	hub_unsubscribe(hub_subscribe(h, 7));
	cr_assert_eq(hub_topics(h), 1);
	hub_free(h);
}

Test(hub, reopen_starts_a_new_stream_for_a_rejudged_submission)
{
	struct hub     *h = hub_new(60000);
	struct hub_sub *old, *s;
	char	       *e, *d;

	hub_publish(h, 9, "compiling", "{}");
	hub_publish(h, 9, "done", "{\"verdict\":\"WA\"}");
	old = hub_subscribe(h, 9); /* still reading the first judging */
	hub_reopen(h, 9);
	hub_publish(h, 9, "compiling", "{}");
	s = hub_subscribe(h, 9);
	expect(s, "queued");
	expect(s, "compiling");
	cr_assert_eq(hub_next(s, 10, &e, &d), 0, "no old done in the new one");
	hub_publish(h, 9, "done", "{\"verdict\":\"AC\"}");
	cr_assert_eq(hub_next(s, 1000, &e, &d), 1);
	cr_assert_str_eq(d, "{\"verdict\":\"AC\"}");
	free(e);
	free(d);
	/* The old subscriber reads its own topic to its end. */
	expect(old, "queued");
	expect(old, "compiling");
	cr_assert_eq(hub_next(old, 1000, &e, &d), 1);
	cr_assert_str_eq(d, "{\"verdict\":\"WA\"}");
	free(e);
	free(d);
	cr_assert_eq(hub_next(old, 10, &e, &d), -1);
	hub_unsubscribe(old);
	hub_unsubscribe(s);
	cr_assert_eq(hub_topics(h), 1);
	hub_reopen(h, 9); /* finished, nobody follows: freed at once */
	cr_assert_eq(hub_topics(h), 0);
	hub_reopen(h, 12345); /* unknown: nothing happens */
	hub_free(h);
}
