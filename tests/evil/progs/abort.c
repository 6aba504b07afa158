/* abort: abort(). Expected: signaled 6. */
#include "evil.h"

int
main(void)
{
	abort();
}
