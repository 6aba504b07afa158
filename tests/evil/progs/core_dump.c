/* core_dump: raise RLIMIT_CORE (soft up to the hard limit) and crash. A
 * core dump must not land on the host (core_pattern is the host's).
 * Expected: signaled 11; run.sh checks no core file appeared. */
#include "evil.h"
#include <sys/resource.h>

int
main(void)
{
	struct rlimit rl;

	getrlimit(RLIMIT_CORE, &rl);
	NOTE("RLIMIT_CORE %llu/%llu", (unsigned long long)rl.rlim_cur,
	    (unsigned long long)rl.rlim_max);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_CORE, &rl);
	*(volatile int *)0 = 1;
	return 0;
}
