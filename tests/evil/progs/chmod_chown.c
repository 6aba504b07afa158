/* chmod_chown: chown box files to root and to another box's uid, chmod
 * files of /usr and the program directory, make a setuid copy of itself
 * for later. All but chmod of its own files must fail.
 * Expected: ok. */
#include "evil.h"

int
main(int argc, char **argv)
{
	int fd = open("/box/mine", O_WRONLY | O_CREAT, 0644);

	if (fd >= 0)
		close(fd);
	MUST_FAIL("chown /box/mine to root", chown("/box/mine", 0, 0));
	MUST_FAIL("chown /box/mine to uid 60999", chown("/box/mine", 60999, 60999));
	MUST_FAIL("chown /box to root", chown("/box", 0, 0));
	MUST_FAIL("chown /tmp to root", chown("/tmp", 0, 0));
	MUST_FAIL("chmod /usr/bin/su 04777", chmod("/usr/bin/su", 04777));
	MUST_FAIL("chmod /usr 0777", chmod("/usr", 0777));
	MUST_FAIL("chmod /etc 0777", chmod("/etc", 0777));
	MUST_FAIL("chmod / 0777", chmod("/", 0777));
	if (argc > 0 && argv[0][0] == '/')
		MUST_FAIL("chmod own program", chmod(argv[0], 04777));
	MUST_FAIL("chown /dev/null", chown("/dev/null", getuid(), getgid()));
	MUST_FAIL("chmod /dev/null 0600", chmod("/dev/null", 0600));
	MUST_FAIL("lchown /proc/self", lchown("/proc/self", 0, 0));
	/* chmod of its own file with setgid to a group it is not in. */
	if (chmod("/box/mine", 06755) == 0) {
		struct stat st;
		stat("/box/mine", &st);
		if (st.st_uid == 0)
			BREACH("/box/mine is owned by root");
	}
	return evil_done();
}
