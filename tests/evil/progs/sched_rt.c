/* sched_rt: ask for real-time scheduling (SCHED_FIFO, SCHED_RR), a higher
 * priority (nice -10), and locked memory. A real-time spinner could starve
 * the host. The sandbox must not pass on the caller's RLIMIT_RTPRIO /
 * RLIMIT_NICE, nor its own priority: run.sh starts gavel at nice -10 and,
 * where the host allows it, under prlimit --rtprio=99 --nice=40.
 * Expected: ok. */
#include "evil.h"
#include <sched.h>
#include <sys/mman.h>
#include <sys/resource.h>

int
main(void)
{
	struct sched_param sp = { .sched_priority = 1 };
	struct rlimit rl;

	getrlimit(RLIMIT_RTPRIO, &rl);
	NOTE("RLIMIT_RTPRIO %lld/%lld", (long long)rl.rlim_cur, (long long)rl.rlim_max);
	getrlimit(RLIMIT_NICE, &rl);
	NOTE("RLIMIT_NICE %lld/%lld", (long long)rl.rlim_cur, (long long)rl.rlim_max);
	errno = 0;
	int prio = getpriority(PRIO_PROCESS, 0);
	NOTE("nice %d, policy %d", prio, sched_getscheduler(0));
	if (errno == 0 && prio < 0)
		BREACH("started at nice %d: the caller's priority reached the box", prio);
	if (sched_getscheduler(0) != SCHED_OTHER)
		BREACH("started with scheduling policy %d", sched_getscheduler(0));
	MUST_FAIL("sched_setscheduler(SCHED_FIFO, 1)",
	    sched_setscheduler(0, SCHED_FIFO, &sp));
	MUST_FAIL("sched_setscheduler(SCHED_RR, 1)",
	    sched_setscheduler(0, SCHED_RR, &sp));
	/* Raise the priority one step beyond where it started. */
	int target = prio > -20 ? prio - 1 : -20;
	char what[48];
	snprintf(what, sizeof what, "setpriority(%d)", target);
	int r = setpriority(PRIO_PROCESS, 0, target);
	MUST_FAIL(what, r);
	static char page[4096];
	MUST_FAIL("mlock(4 KiB)", mlock(page, sizeof page));
	return evil_done();
}
