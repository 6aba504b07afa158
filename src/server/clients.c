/*
 * server/clients.c -- per-client counters of work in progress, to bound
 * how much one address can make the server do at once.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "server/app.h"
#include "util/xalloc.h"

struct client {
	char	       addr[64];
	int	       n;
	struct client *next;
};

struct clients {
	pthread_mutex_t lock;
	struct client  *list; /* only clients with n > 0 */
};

struct clients *
clients_new(void)
{
	struct clients *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	return c;
}

void
clients_free(struct clients *c)
{
	struct client *e, *next;

	if (c == NULL)
		return;
	for (e = c->list; e != NULL; e = next) {
		next = e->next;
		free(e);
	}
	pthread_mutex_destroy(&c->lock);
	free(c);
}

bool
clients_take(struct clients *c, const char *client, int max)
{
	struct client *e;
	bool	       ok = false;

	pthread_mutex_lock(&c->lock);
	for (e = c->list; e != NULL; e = e->next)
		if (strcmp(e->addr, client) == 0)
			break;
	if (e == NULL) {
		e = xcalloc(1, sizeof(*e));
		strncpy(e->addr, client, sizeof(e->addr) - 1);
		e->next = c->list;
		c->list = e;
	}
	if (max <= 0 || e->n < max) {
		e->n++;
		ok = true;
	}
	pthread_mutex_unlock(&c->lock);
	return ok;
}

void
clients_give(struct clients *c, const char *client)
{
	struct client **pp, *e;

	pthread_mutex_lock(&c->lock);
	for (pp = &c->list; (e = *pp) != NULL; pp = &e->next)
		if (strcmp(e->addr, client) == 0) {
			if (--e->n <= 0) {
				*pp = e->next;
				free(e);
			}
			break;
		}
	pthread_mutex_unlock(&c->lock);
}
