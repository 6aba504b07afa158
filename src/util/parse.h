/*
 * util/parse.h -- parsing of command-line values shared by subcommands.
 */
#ifndef GAVEL_UTIL_PARSE_H
#define GAVEL_UTIL_PARSE_H

#include <stdint.h>

/*
 * Seconds, fractions allowed ("1.5"), to milliseconds, rounded, at least 1.
 * Refuses anything but a finite number in (0, max_s]. Returns 0 or -1.
 */
int parse_seconds_ms(const char *s, double max_s, uint32_t *out);

#endif
