/* exit3: exit(3). Expected: exited 3. */
#include "evil.h"

int
main(void)
{
	exit(3);
}
