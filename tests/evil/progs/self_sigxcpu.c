/* self_sigxcpu: raise SIGXCPU (what RLIMIT_CPU sends).
 * Expected: signaled 24 -- not time_limit, the CPU used is far below. */
#include "evil.h"

int
main(void)
{
	raise(SIGXCPU);
	return 0;
}
