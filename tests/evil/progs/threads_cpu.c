/* threads_cpu: four threads spin; CPU time of all threads counts, so the
 * time limit is hit after about limit/ncores of wall time.
 * Expected: time_limit with cpu_ms close to the limit (run.sh checks). */
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
	pthread_t t[4];

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, spin, NULL);
	pthread_join(t[0], NULL);
	return 0;
}
