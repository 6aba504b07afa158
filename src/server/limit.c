/*
 * server/limit.c -- leaky buckets by key; see limit.h.
 *
 * A chained hash table of buckets. Each bucket stores its level (events
 * not yet drained) as of its last update; the level is brought up to
 * date, lazily, whenever the key is touched.
 */
#include "server/limit.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define NBUCKETS 1024

struct bucket {
	char	      *key;
	double	       level;
	int64_t	       at_ms; /* when level was true */
	struct bucket *next;
};

struct limiter {
	pthread_mutex_t lock;
	double		burst, rate;
	size_t		max_keys, n;
	struct bucket  *table[NBUCKETS];
};

struct limiter *
limiter_new(double burst, double rate, size_t max_keys)
{
	struct limiter *l = xcalloc(1, sizeof(*l));

	pthread_mutex_init(&l->lock, NULL);
	l->burst = burst > 0 ? burst : 1;
	l->rate = rate > 0 ? rate : 1;
	l->max_keys = max_keys > 0 ? max_keys : 1;
	return l;
}

void
limiter_free(struct limiter *l)
{
	struct bucket *b, *next;
	size_t	       i;

	if (l == NULL)
		return;
	for (i = 0; i < NBUCKETS; i++)
		for (b = l->table[i]; b != NULL; b = next) {
			next = b->next;
			free(b->key);
			free(b);
		}
	pthread_mutex_destroy(&l->lock);
	free(l);
}

static size_t
hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static void
drain(struct limiter *l, struct bucket *b, int64_t now_ms)
{
	if (now_ms > b->at_ms) {
		b->level -= l->rate * (double)(now_ms - b->at_ms) / 1000.0;
		if (b->level < 0)
			b->level = 0;
		b->at_ms = now_ms;
	}
}

/* Drop drained buckets; if that is not enough, the stalest one. */
static void
prune(struct limiter *l, int64_t now_ms)
{
	struct bucket **pp, *b, **stalest = NULL;
	size_t		i;

	for (i = 0; i < NBUCKETS; i++)
		for (pp = &l->table[i]; (b = *pp) != NULL;) {
			drain(l, b, now_ms);
			if (b->level <= 0) {
				*pp = b->next;
				free(b->key);
				free(b);
				l->n--;
				continue;
			}
			if (stalest == NULL || b->at_ms < (*stalest)->at_ms)
				stalest = pp;
			pp = &b->next;
		}
	if (l->n >= l->max_keys && stalest != NULL) {
		b = *stalest;
		*stalest = b->next;
		free(b->key);
		free(b);
		l->n--;
	}
}

/* The bucket of key, created when create; NULL otherwise. Locked. */
static struct bucket *
find(struct limiter *l, const char *key, int64_t now_ms, bool create)
{
	size_t	       h = hash(key);
	struct bucket *b;

	for (b = l->table[h]; b != NULL; b = b->next)
		if (strcmp(b->key, key) == 0) {
			drain(l, b, now_ms);
			return b;
		}
	if (!create)
		return NULL;
	if (l->n >= l->max_keys)
		prune(l, now_ms);
	b = xcalloc(1, sizeof(*b));
	b->key = xstrdup(key);
	b->at_ms = now_ms;
	b->next = l->table[h];
	l->table[h] = b;
	l->n++;
	return b;
}

/* Whole seconds until level + 1 fits under burst. */
static int
wait_s(struct limiter *l, double level)
{
	double over = level + 1 - l->burst, s;
	int    w;

	if (over <= 1e-9)
		return 0;
	s = over / l->rate - 1e-6; /* 5.9999999 or 6.0000001: 6 */
	w = s < 1e6 ? (int)s : 1000000;
	return w < s ? w + 1 : w;
}

int
limiter_take(struct limiter *l, const char *key, int64_t now_ms)
{
	struct bucket *b;
	int	       w;

	pthread_mutex_lock(&l->lock);
	b = find(l, key, now_ms, true);
	if ((w = wait_s(l, b->level)) == 0)
		b->level += 1;
	pthread_mutex_unlock(&l->lock);
	return w;
}

int
limiter_wait(struct limiter *l, const char *key, int64_t now_ms)
{
	struct bucket *b;
	int	       w = 0;

	pthread_mutex_lock(&l->lock);
	if ((b = find(l, key, now_ms, false)) != NULL)
		w = wait_s(l, b->level);
	pthread_mutex_unlock(&l->lock);
	return w;
}

void
limiter_refund(struct limiter *l, const char *key)
{
	struct bucket *b;

	pthread_mutex_lock(&l->lock);
	for (b = l->table[hash(key)]; b != NULL; b = b->next)
		if (strcmp(b->key, key) == 0) {
			b->level = b->level > 1 ? b->level - 1 : 0;
			break;
		}
	pthread_mutex_unlock(&l->lock);
}

void
limiter_reset(struct limiter *l, const char *key)
{
	struct bucket **pp, *b;

	pthread_mutex_lock(&l->lock);
	for (pp = &l->table[hash(key)]; (b = *pp) != NULL; pp = &b->next)
		if (strcmp(b->key, key) == 0) {
			*pp = b->next;
			free(b->key);
			free(b);
			l->n--;
			break;
		}
	pthread_mutex_unlock(&l->lock);
}

size_t
limiter_size(struct limiter *l)
{
	size_t n;

	pthread_mutex_lock(&l->lock);
	n = l->n;
	pthread_mutex_unlock(&l->lock);
	return n;
}
