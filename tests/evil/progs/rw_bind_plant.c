/* rw_bind_plant: with a host directory bound read-write at /rw, plant in it
 * symlinks to a root-owned host file (TARGET, argv[1], a host path the box
 * cannot see), to the host canary paths and to /, a FIFO, a hard link
 * attempt, and files with odd modes. Nothing on the host may follow them
 * (a chown/chmod/copy/cleanup that follows links would change TARGET or
 * create a canary: run.sh checks both). Expected: ok. */
#include "evil.h"

int
main(int argc, char **argv)
{
	const char *target = argc > 1 ? argv[1] : "/nonexistent";
	char path[256];

	if (access("/rw", W_OK) < 0) {
		fprintf(stderr, "/rw not writable: %s\n", strerror(errno));
		return 1;
	}
	static const char *names[] = { "victim", "report.json", "stdout",
		"output", "result" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "/rw/%s", names[i]);
		symlink(target, path);
	}
	symlink("/etc/gavel-evil-canary", "/rw/canary-etc");
	symlink("/tmp/gavel-evil-canary", "/rw/canary-tmp");
	symlink("/", "/rw/rootlink");
	mkdir("/rw/sub", 0755);
	symlink(target, "/rw/sub/deeper");
	mkfifo("/rw/fifo", 0666);
	MUST_FAIL("hard link /usr/bin/su into /rw", link("/usr/bin/su", "/rw/su"));
	MUST_FAIL("hard link /etc/passwd into /rw", link("/etc/passwd", "/rw/passwd"));
	int fd = open("/rw/setuid-file", O_WRONLY | O_CREAT, 04777);
	if (fd >= 0)
		close(fd);
	chmod("/rw/setuid-file", 06777);
	/* Replace the bound directory's own entries: rename a link over a
	 * name the host may have created itself. */
	symlink(target, "/rw/.tmp-link");
	rename("/rw/.tmp-link", "/rw/host-file");
	struct stat st;
	if (lstat("/rw/setuid-file", &st) == 0 && st.st_uid == 0)
		BREACH("a file the box made is owned by root");
	return evil_done();
}
