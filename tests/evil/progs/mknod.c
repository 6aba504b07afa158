/* mknod: create device nodes (mem, kmem, sda, vda, a tty) in /box, /tmp
 * and /dev/shm; all must fail. /dev must hold only null, zero, full,
 * random, urandom as devices (plus the usual symlinks). Expected: ok. */
#include "evil.h"
#include <dirent.h>
#include <sys/sysmacros.h>

int
main(void)
{
	static const struct { const char *name; mode_t t; int ma, mi; } n[] = {
		{ "mem", S_IFCHR, 1, 1 }, { "kmem", S_IFCHR, 1, 2 },
		{ "port", S_IFCHR, 1, 4 }, { "kmsg", S_IFCHR, 1, 11 },
		{ "sda", S_IFBLK, 8, 0 }, { "vda", S_IFBLK, 254, 0 },
		{ "tty1", S_IFCHR, 4, 1 },
	};
	static const char *dirs[] = { "/box", "/tmp", "/dev/shm", "/dev" };
	char path[128], what[160];

	for (size_t d = 0; d < 4; d++)
		for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
			snprintf(path, sizeof path, "%s/%s", dirs[d], n[i].name);
			snprintf(what, sizeof what, "mknod %s", path);
			MUST_FAIL(what, mknod(path, n[i].t | 0666,
			    makedev(n[i].ma, n[i].mi)));
		}
	DIR *dp = opendir("/dev");
	struct dirent *e;
	if (!dp) {
		BREACH("no /dev");
		return evil_done();
	}
	while ((e = readdir(dp))) {
		struct stat st;
		snprintf(path, sizeof path, "/dev/%s", e->d_name);
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISBLK(st.st_mode))
			BREACH("block device %s in the box", path);
		else if (S_ISCHR(st.st_mode)) {
			static const char *ok[] = { "null", "zero", "full",
				"random", "urandom", "tty", "ptmx" };
			int fine = 0;
			for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
				fine |= strcmp(e->d_name, ok[i]) == 0;
			if (!fine)
				BREACH("character device %s (%u:%u) in the box",
				    path, major(st.st_rdev), minor(st.st_rdev));
			else if (strcmp(e->d_name, "tty") == 0 ||
			    strcmp(e->d_name, "ptmx") == 0)
				NOTE("%s present", path);
		}
	}
	closedir(dp);
	return evil_done();
}
