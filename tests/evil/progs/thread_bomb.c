/* thread_bomb: create threads until refused; every thread spins.
 * Expected: time_limit. */
#include "evil.h"
#include <pthread.h>

static void *
spin(void *arg)
{
	(void)arg;
	evil_spin();
	return NULL;
}

int
main(void)
{
	pthread_attr_t a;
	pthread_t t;

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 64 * 1024);
	for (;;)
		(void)pthread_create(&t, &a, spin, NULL);
}
