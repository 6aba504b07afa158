/*
 * util/clock.h -- the time in milliseconds (or microseconds), from the
 * monotonic clock (for durations and deadlines) or the wall clock (for
 * timestamps that are stored or shown).
 */
#ifndef GAVEL_UTIL_CLOCK_H
#define GAVEL_UTIL_CLOCK_H

#include <stdint.h>

int64_t clock_mono_ms(void);
int64_t clock_mono_us(void);
int64_t clock_wall_ms(void); /* Unix time */

#endif
