/*
 * evil.h -- tiny helpers shared by the hostile programs of tests/evil.
 *
 * Convention: a probe program tries an attack; when the attack works it
 * calls BREACH() and, at the end, exits 42 (so the run reports
 * "exited 42" instead of the expected status). When every attempt fails it
 * exits 0. NOTE() lines go to stderr to explain what was refused.
 */
#ifndef EVIL_H
#define EVIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define EVIL_BREACH_CODE 42

static int evil_breaches;

/* Stores here keep the compiler from eliding memory that is never read. */
static char *volatile evil_keep;

#define BREACH(...)                                                   \
	do {                                                          \
		fprintf(stderr, "BREACH: " __VA_ARGS__);              \
		fputc('\n', stderr);                                  \
		evil_breaches++;                                      \
	} while (0)

#define NOTE(...)                                                     \
	do {                                                          \
		fprintf(stderr, "note: " __VA_ARGS__);                \
		fputc('\n', stderr);                                  \
	} while (0)

/* r is the result of a call that must fail (negative / -1). */
#define MUST_FAIL(what, r)                                            \
	do {                                                          \
		long evil_r_ = (long)(r);                             \
		if (evil_r_ >= 0)                                     \
			BREACH("%s succeeded (returned %ld)", what,   \
			    evil_r_);                                 \
		else                                                  \
			NOTE("%s refused: %s", what, strerror(errno)); \
	} while (0)

static inline int
evil_done(void)
{
	if (evil_breaches) {
		fprintf(stderr, "%d breach(es)\n", evil_breaches);
		fflush(NULL);
		_exit(EVIL_BREACH_CODE);
	}
	fprintf(stderr, "held\n");
	fflush(NULL);
	return 0;
}

/* Read a small file into buf (NUL-terminated); -1 on error. */
static inline ssize_t
evil_slurp(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n, tot = 0;

	if (fd < 0)
		return -1;
	while (tot < (ssize_t)len - 1 &&
	    (n = read(fd, buf + tot, len - 1 - tot)) > 0)
		tot += n;
	close(fd);
	buf[tot] = '\0';
	return tot;
}

static inline void
evil_spin(void)
{
	volatile unsigned long x = 0;
	for (;;)
		x++;
}

#endif
