/* perf_event: perf_event_open on itself and system-wide must be refused.
 * Expected: ok. */
#include "evil.h"
#include <linux/perf_event.h>

int
main(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof a;
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.disabled = 1;
	MUST_FAIL("perf_event_open(self)", syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
	MUST_FAIL("perf_event_open(all cpus)", syscall(SYS_perf_event_open, &a, -1, 0, -1, 0));
	return evil_done();
}
