/* hardlink_host: hard links to host files (setuid su, /etc/passwd, its own
 * binary, /proc files) into /box and /tmp: all must fail (EXDEV across
 * mounts, protected_hardlinks). Expected: ok. */
#include "evil.h"

int
main(int argc, char **argv)
{
	static const char *from[] = { "/usr/bin/su", "/usr/bin/passwd",
		"/etc/passwd", "/usr/lib/openssh/ssh-keysign" };
	static const char *to[] = { "/box/l", "/tmp/l", "/dev/shm/l" };
	char what[160], dst[64];

	for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
		for (size_t j = 0; j < 3; j++) {
			snprintf(dst, sizeof dst, "%s%zu", to[j], i);
			snprintf(what, sizeof what, "link %s -> %s", from[i], dst);
			MUST_FAIL(what, link(from[i], dst));
		}
	if (argc > 0)
		MUST_FAIL("link own binary into /box", link(argv[0], "/box/self"));
	MUST_FAIL("linkat /proc/self/exe", linkat(AT_FDCWD, "/proc/self/exe",
	    AT_FDCWD, "/box/exe", AT_SYMLINK_FOLLOW));
	return evil_done();
}
