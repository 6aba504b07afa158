/*
 * util/xalloc.h -- allocation that never fails: on exhaustion the process
 * logs and aborts, so callers never check for NULL.
 */
#ifndef GAVEL_UTIL_XALLOC_H
#define GAVEL_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
