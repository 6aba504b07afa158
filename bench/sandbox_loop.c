/*
 * bench/sandbox_loop.c -- time N runs of a program, bare (fork+exec+wait)
 * and in a fresh sandbox each time, from one long-lived process (as the
 * server runs boxes). Prints the median and p90 of each, in microseconds.
 *
 * usage: sandbox_loop N PROGRAM [ARGS...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox/sandbox.h"

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *what, double *t, int n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp);
	printf("%-8s median %8.0f us   p90 %8.0f us\n", what, t[n / 2],
	    t[n * 9 / 10]);
}

int
main(int argc, char **argv)
{
	struct sandbox_config cfg;
	struct sandbox_result res;
	double	 *bare, *box;
	int	  n, i;

	if (argc < 3) {
		fprintf(stderr, "usage: %s N PROGRAM [ARGS...]\n", argv[0]);
		return 2;
	}
	n = atoi(argv[1]);
	if (n < 1)
		return 2;
	bare = calloc((size_t)n, sizeof(double));
	box = calloc((size_t)n, sizeof(double));
	memset(&cfg, 0, sizeof(cfg));
	cfg.argv = (const char *const *)argv + 2;
	cfg.stdin_fd = cfg.stdout_fd = cfg.stderr_fd = -1;

	for (i = 0; i < n; i++) {
		double t0 = now_us();
		pid_t  pid = fork();

		if (pid == 0) {
			execv(argv[2], argv + 2);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
		bare[i] = now_us() - t0;

		t0 = now_us();
		if (sandbox_run(&cfg, &res) < 0 || res.status != SANDBOX_OK) {
			fprintf(stderr, "run %d: %s %s\n", i,
			    sandbox_status_name(res.status), res.message);
			return 1;
		}
		box[i] = now_us() - t0;
	}
	report("bare", bare, n);
	report("sandbox", box, n);
	printf("overhead median %.0f us\n", box[n / 2] - bare[n / 2]);
	return 0;
}
