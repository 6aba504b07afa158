/* stdin_reopen: stdin is a host file (--stdin, root-owned, 0644). Writing
 * to it, or reopening it for writing through /proc/self/fd/0, must fail;
 * run.sh checks the file is unchanged. Expected: ok. */
#include "evil.h"

int
main(void)
{
	char path[512];
	ssize_t n = readlink("/proc/self/fd/0", path, sizeof path - 1);

	path[n > 0 ? n : 0] = 0;
	NOTE("stdin is %s", path);
	MUST_FAIL("write(0)", write(0, "evil", 4));
	MUST_FAIL("open /proc/self/fd/0 O_WRONLY", open("/proc/self/fd/0", O_WRONLY));
	MUST_FAIL("open /proc/self/fd/0 O_RDWR", open("/proc/self/fd/0", O_RDWR));
	MUST_FAIL("ftruncate(0)", ftruncate(0, 0));
	MUST_FAIL("fchmod(0, 0666)", fchmod(0, 0666));
	MUST_FAIL("fchown(0)", fchown(0, getuid(), getgid()));
	int fl = fcntl(0, F_GETFL);
	if (fl >= 0 && (fl & O_ACCMODE) != O_RDONLY)
		BREACH("stdin is open for writing (flags %#x)", fl);
	return evil_done();
}
