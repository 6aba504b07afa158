/* busy_loop: spin forever. Expected: time_limit, cpu_ms >= limit. */
#include "evil.h"

int
main(void)
{
	evil_spin();
}
