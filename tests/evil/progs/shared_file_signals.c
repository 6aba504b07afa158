/* shared_file_signals: the read-only files all boxes share (/usr) must not
 * carry signals between boxes running at once or one after another:
 * record locks (F_SETLK, F_OFD_SETLK, their wait forms, F_GETLK probes and
 * leases) on a shared file, and evicting its pages from the page cache
 * (POSIX_FADV_DONTNEED) to be probed later without blocking
 * (preadv2 RWF_NOWAIT). Each attempt must be refused. (Read timing still
 * tells a cached page from one on disk: docs/sandbox.md.) Expected: ok. */
#include "evil.h"
#include <sys/uio.h>

#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x00000008
#endif

int
main(void)
{
	int	     fd = open("/usr/bin/cat", O_RDONLY);
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET,
		.l_start = 5, .l_len = 1 };
	char	     byte;
	struct iovec iov = { &byte, 1 };

	if (fd < 0) {
		fprintf(stderr, "open /usr/bin/cat: %s\n", strerror(errno));
		return 1;
	}
	MUST_FAIL("F_SETLK read lock", fcntl(fd, F_SETLK, &fl));
	MUST_FAIL("F_SETLKW read lock", fcntl(fd, F_SETLKW, &fl));
	fl.l_pid = 0;
	MUST_FAIL("F_OFD_SETLK read lock", fcntl(fd, F_OFD_SETLK, &fl));
	fl.l_pid = 0;
	MUST_FAIL("F_OFD_SETLKW read lock", fcntl(fd, F_OFD_SETLKW, &fl));
	fl.l_type = F_WRLCK;
	fl.l_pid = 0;
	MUST_FAIL("F_GETLK probe", fcntl(fd, F_GETLK, &fl));
	fl.l_type = F_WRLCK;
	fl.l_pid = 0;
	MUST_FAIL("F_OFD_GETLK probe", fcntl(fd, F_OFD_GETLK, &fl));
	MUST_FAIL("F_SETLEASE", fcntl(fd, F_SETLEASE, F_RDLCK));
	/* The high bits of the command register must not hide one. */
	fl.l_type = F_RDLCK;
	fl.l_pid = 0;
	MUST_FAIL("F_OFD_SETLK with high bits",
	    syscall(SYS_fcntl, fd, 0xffffffff00000000ul | F_OFD_SETLK, &fl));
	MUST_FAIL("fadvise DONTNEED",
	    syscall(SYS_fadvise64, fd, 0, 0, POSIX_FADV_DONTNEED) == 0 ? 0 : -1);
	/* What programs need still works; and with page 0 now cached, a
	 * non-blocking read could only fail by the filter's refusal. */
	if (pread(fd, &byte, 1, 0) != 1)
		BREACH("a plain read of /usr/bin/cat failed: %s", strerror(errno));
	if (syscall(SYS_preadv2, fd, &iov, 1, 0, 0, RWF_NOWAIT) >= 0 ||
	    errno != EPERM)
		BREACH("preadv2 RWF_NOWAIT was not refused (%s)",
		    strerror(errno));
	if (syscall(SYS_preadv2, fd, &iov, 1, 0, 0, 0) != 1)
		BREACH("preadv2 without flags failed: %s", strerror(errno));
	if (fcntl(fd, F_GETFD) < 0 || fcntl(fd, F_GETFL) < 0)
		BREACH("F_GETFD / F_GETFL failed: %s", strerror(errno));
	return evil_done();
}
