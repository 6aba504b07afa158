/* clock_set: clock_settime, settimeofday, adjtimex and clock_adjtime must
 * be refused. Each call sets the time it just read (a no-op if it got
 * through, so the host clock stays right). Expected: ok. */
#include "evil.h"
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>

int
main(void)
{
	struct timespec ts;
	struct timeval tv;
	struct timex tx;

	clock_gettime(CLOCK_REALTIME, &ts);
	MUST_FAIL("clock_settime(REALTIME)", clock_settime(CLOCK_REALTIME, &ts));
	gettimeofday(&tv, NULL);
	MUST_FAIL("settimeofday", settimeofday(&tv, NULL));
	memset(&tx, 0, sizeof tx);
	tx.modes = ADJ_OFFSET_SINGLESHOT;
	tx.offset = 0;
	MUST_FAIL("adjtimex(ADJ_OFFSET_SINGLESHOT 0)", adjtimex(&tx));
	memset(&tx, 0, sizeof tx);
	tx.modes = ADJ_FREQUENCY;
	{
		struct timex cur = { 0 };
		adjtimex(&cur);
		tx.freq = cur.freq;
	}
	MUST_FAIL("clock_adjtime(REALTIME, same freq)",
	    syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx));
	return evil_done();
}
