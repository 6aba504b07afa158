/* userfaultfd: the syscall and /dev/userfaultfd must be refused (they
 * help to win kernel races). Expected: ok. */
#include "evil.h"

int
main(void)
{
	MUST_FAIL("userfaultfd(0)", syscall(SYS_userfaultfd, 0));
	MUST_FAIL("userfaultfd(UFFD_USER_MODE_ONLY)", syscall(SYS_userfaultfd, 1));
	MUST_FAIL("open /dev/userfaultfd", open("/dev/userfaultfd", O_RDWR));
	return evil_done();
}
