/* sethostname: sethostname and setdomainname must be refused (run.sh
 * checks the host name too). Expected: ok. */
#include "evil.h"

int
main(void)
{
	MUST_FAIL("sethostname", sethostname("gavel-evil-host", 15));
	MUST_FAIL("setdomainname", setdomainname("gavel-evil-dom", 14));
	int fd = open("/proc/sys/kernel/hostname", O_WRONLY);
	MUST_FAIL("open /proc/sys/kernel/hostname for writing", fd);
	if (fd >= 0)
		MUST_FAIL("write hostname", write(fd, "gavel-evil-host\n", 16));
	return evil_done();
}
