/* segv: write through a NULL pointer. Expected: signaled 11. */
#include "evil.h"

int
main(void)
{
	volatile int *p = NULL;
	*p = 1;
	return 0;
}
