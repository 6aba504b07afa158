/* self_sigkill_bigmem: touch 40 MiB (of a 64 MiB limit), then SIGKILL
 * itself. Expected: signaled 9 -- not memory_limit. */
#include "evil.h"

int
main(void)
{
	char *p = malloc(40 << 20);

	if (p)
		memset(p, 1, 40 << 20);
	evil_keep = p;
	raise(SIGKILL);
	return 0;
}
