/*
 * server/limit.h -- rate limits keyed by strings (a user id, an address,
 * a username): one leaky bucket per key.
 *
 * A bucket holds up to burst events and drains at rate events a second;
 * an event is allowed when it still fits. Time is passed in (monotonic
 * milliseconds) so that tests need no clock. Thread-safe. Keys are
 * bounded: past max_keys, drained buckets are dropped first, then the
 * stalest ones.
 */
#ifndef GAVEL_SERVER_LIMIT_H
#define GAVEL_SERVER_LIMIT_H

#include <stddef.h>
#include <stdint.h>

struct limiter;

/* Burst > 0 events, draining at rate (> 0) events a second. */
struct limiter *limiter_new(double burst, double rate, size_t max_keys);
void		limiter_free(struct limiter *l);

/*
 * Count one event for key if it fits: 0. Else nothing is counted and the
 * answer is how many whole seconds until it would fit (>= 1).
 */
int limiter_take(struct limiter *l, const char *key, int64_t now_ms);
/* Seconds until one more event would fit for key (0: now). Counts nothing. */
int limiter_wait(struct limiter *l, const char *key, int64_t now_ms);
/* Take back one counted event (a login that succeeded after all). */
void limiter_refund(struct limiter *l, const char *key);
/* Forget key. */
void limiter_reset(struct limiter *l, const char *key);
/* Keys held now (for tests). */
size_t limiter_size(struct limiter *l);

#endif
