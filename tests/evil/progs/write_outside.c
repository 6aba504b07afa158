/* write_outside: create gavel-evil-canary in /, /usr, /etc, /dev, /proc,
 * the read-only program directory, /proc/1/root and /proc/1/cwd; all must
 * fail. Creating it in the box's private /tmp and /box must work and must
 * not show on the host (run.sh checks the host /tmp and the repository).
 * Expected: ok. */
#include "evil.h"

static int
create(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		return -1;
	(void)write(fd, "gavel-evil\n", 11);
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *forbidden[] = {
		"/gavel-evil-canary", "/usr/gavel-evil-canary",
		"/usr/bin/gavel-evil-canary", "/etc/gavel-evil-canary",
		"/etc/passwd", "/dev/gavel-evil-canary", "/proc/gavel-evil-canary",
		"/proc/1/root/gavel-evil-canary", "/proc/1/cwd/../gavel-evil-canary",
		"/progs/gavel-evil-canary", "/work/main/gavel-evil-canary",
		"/root/gavel-evil-canary", "/run/gavel/gavel-evil-canary",
	};
	char what[128];

	for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++) {
		snprintf(what, sizeof what, "create %s", forbidden[i]);
		MUST_FAIL(what, create(forbidden[i]));
	}
	MUST_FAIL("mkdir /usr/gavel-evil-dir", mkdir("/usr/gavel-evil-dir", 0755));
	MUST_FAIL("rename /etc/passwd", rename("/etc/passwd", "/etc/passwd-"));
	MUST_FAIL("unlink /usr/bin/true", unlink("/usr/bin/true"));
	MUST_FAIL("truncate /usr/bin/true", truncate("/usr/bin/true", 0));
	MUST_FAIL("utimes /usr/bin/true", utimensat(AT_FDCWD, "/usr/bin/true", NULL, 0));
	if (argc > 0)
		MUST_FAIL("open own binary for writing", open(argv[0], O_WRONLY));
	if (create("/tmp/gavel-evil-canary") < 0)
		fprintf(stderr, "cannot write the private /tmp: %s\n", strerror(errno));
	if (create("/box/gavel-evil-canary") < 0)
		fprintf(stderr, "cannot write /box: %s\n", strerror(errno));
	if (create("/dev/shm/gavel-evil-canary") < 0)
		fprintf(stderr, "cannot write /dev/shm: %s\n", strerror(errno));
	return evil_done();
}
