/* setuid_plant: try every way to leave a file with the setuid or setgid
 * bit behind (open/openat/creat/openat2 with such a mode, chmod, fchmod,
 * fchmodat, fchmodat2, mknod, mknodat), in /box, /tmp and the read-write
 * host directory bound at /rw. Such a file would outlive the box in /rw
 * and run as a box uid that a later box uses. Every attempt must fail or
 * leave no such bit. Expected: ok. */
#include "evil.h"
#include <linux/openat2.h>

#define BITS (S_ISUID | S_ISGID)

static void
check(const char *what, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && (st.st_mode & BITS))
		BREACH("%s: %s has mode %o", what, path, st.st_mode & 07777);
	else
		NOTE("%s: no setuid/setgid bit on %s", what, path);
}

static void
plant(const char *dir)
{
	char p[256];
	int  fd;

	snprintf(p, sizeof p, "%s/open", dir);
	fd = open(p, O_WRONLY | O_CREAT, 04755);
	if (fd >= 0)
		close(fd);
	check("open O_CREAT 04755", p);

	snprintf(p, sizeof p, "%s/openat", dir);
	fd = openat(AT_FDCWD, p, O_WRONLY | O_CREAT, 06755);
	if (fd >= 0)
		close(fd);
	check("openat O_CREAT 06755", p);

	snprintf(p, sizeof p, "%s/creat", dir);
	fd = (int)syscall(SYS_creat, p, 04755);
	if (fd >= 0)
		close(fd);
	check("creat 04755", p);

	snprintf(p, sizeof p, "%s/openat2", dir);
	{
		struct open_how how = { .flags = O_WRONLY | O_CREAT,
			.mode = 04755 };

		fd = (int)syscall(SYS_openat2, AT_FDCWD, p, &how, sizeof how);
		if (fd >= 0)
			close(fd);
	}
	check("openat2 O_CREAT 04755", p);

	snprintf(p, sizeof p, "%s/mknod", dir);
	syscall(SYS_mknod, p, S_IFREG | 04755, 0);
	check("mknod S_IFREG|04755", p);

	snprintf(p, sizeof p, "%s/mknodat", dir);
	syscall(SYS_mknodat, AT_FDCWD, p, S_IFREG | 02755, 0);
	check("mknodat S_IFREG|02755", p);

	/* A plain file, then every chmod flavour on it, each from 0755;
	 * the high bits of the mode register set too, in case a filter
	 * compares all 64. */
	snprintf(p, sizeof p, "%s/plain", dir);
	fd = open(p, O_RDWR | O_CREAT, 0755);
	if (fd < 0) {
		NOTE("cannot create %s: %s", p, strerror(errno));
		return;
	}
	fchmod(fd, 0755);
	syscall(SYS_chmod, p, 04755);
	check("chmod 04755", p);
	fchmod(fd, 0755);
	syscall(SYS_chmod, p, 0xffffffff00000000ul | 02755);
	check("chmod (high bits) 02755", p);
	fchmod(fd, 0755);
	syscall(SYS_fchmod, fd, 06755);
	check("fchmod 06755", p);
	fchmod(fd, 0755);
	syscall(SYS_fchmodat, AT_FDCWD, p, 04755);
	check("fchmodat 04755", p);
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
	fchmod(fd, 0755);
	syscall(SYS_fchmodat2, AT_FDCWD, p, 04755, 0);
	check("fchmodat2 04755", p);
	{
		char proc[64];

		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		fchmod(fd, 0755);
		syscall(SYS_chmod, proc, 04755);
		check("chmod via /proc/self/fd", p);
	}
	close(fd);
	/* The harmless modes still work. */
	if (chmod(p, 0700) < 0)
		BREACH("chmod 0700 of its own file refused: %s", strerror(errno));
}

int
main(void)
{
	plant("/box");
	plant("/tmp");
	if (access("/rw", W_OK) < 0) {
		fprintf(stderr, "/rw not writable: %s\n", strerror(errno));
		return 1;
	}
	plant("/rw");
	return evil_done();
}
