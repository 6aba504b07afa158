/*
 * util/parse.c -- see parse.h.
 */
#include "util/parse.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

int
parse_seconds_ms(const char *s, double max_s, uint32_t *out)
{
	char  *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !isfinite(v) || v <= 0 ||
	    v > max_s)
		return -1;
	*out = (uint32_t)(v * 1000 + 0.5);
	if (*out == 0)
		*out = 1;
	return 0;
}
