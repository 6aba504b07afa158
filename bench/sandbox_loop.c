/*
 * bench/sandbox_loop.c -- time N runs of a program, bare (fork+exec+wait)
 * and in a fresh sandbox each time, from one long-lived process (as the
 * server runs boxes). Prints the median and p90 of each, in microseconds
 * (the wall time a caller waits), and the CPU time (user + system, of this
 * process and every process of the run, the boxes made ahead and torn
 * down in the background included) per run: unlike wall time, it does not
 * grow when other work competes for the machine.
 *
 * usage: sandbox_loop N PROGRAM [ARGS...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* CPU seconds used so far by this process and its reaped children. */
static double
cpu_us(void)
{
	struct rusage s, c;

	getrusage(RUSAGE_SELF, &s);
	getrusage(RUSAGE_CHILDREN, &c);
	return (s.ru_utime.tv_sec + s.ru_stime.tv_sec + c.ru_utime.tv_sec +
		   c.ru_stime.tv_sec) *
		   1e6 +
	       s.ru_utime.tv_usec + s.ru_stime.tv_usec + c.ru_utime.tv_usec +
	       c.ru_stime.tv_usec;
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
	double	 *bare, *box, cpu_bare = 0, cpu_box = 0, c0;
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

	/* Bare first, then in boxes: a process that runs boxes makes the
	 * next ones ahead and tears finished ones down in the background, so
	 * that work would be charged to whatever ran beside it. Its CPU time
	 * counts in full: sandbox_quiesce() waits for the last teardown. */
	c0 = cpu_us();
	for (i = 0; i < n; i++) {
		double t0 = now_us();
		pid_t  pid = fork();

		if (pid == 0) {
			execv(argv[2], argv + 2);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
		bare[i] = now_us() - t0;
	}
	cpu_bare = cpu_us() - c0;

	c0 = cpu_us();
	for (i = 0; i < n; i++) {
		double t0 = now_us();

		if (sandbox_run(&cfg, &res) < 0 || res.status != SANDBOX_OK) {
			fprintf(stderr, "run %d: %s %s\n", i,
			    sandbox_status_name(res.status), res.message);
			return 1;
		}
		box[i] = now_us() - t0;
	}
	sandbox_quiesce();
	cpu_box = cpu_us() - c0;
	report("bare", bare, n);
	report("sandbox", box, n);
	printf("overhead median %.0f us\n", box[n / 2] - bare[n / 2]);
	printf("cpu per run: bare %.0f us, sandbox %.0f us, overhead %.0f us\n",
	    cpu_bare / n, cpu_box / n, (cpu_box - cpu_bare) / n);
	return 0;
}
