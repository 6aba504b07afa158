/* read_host_files: read host secrets: /etc/shadow, /root, the repository
 * (/work), the runner's secret file in the host /tmp, /run/gavel, /sys and
 * the cgroup tree, the host through /proc/1/root and /proc/1/cwd, kernel
 * memory and logs. None may be readable (or even exist).
 * Expected: ok. */
#include "evil.h"
#include <dirent.h>

static void
no_read(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		NOTE("%s: %s", path, strerror(errno));
		return;
	}
	struct stat st;
	fstat(fd, &st);
	ssize_t n = read(fd, buf, sizeof buf);
	if (S_ISDIR(st.st_mode)) {
		DIR *d = fdopendir(fd);
		struct dirent *e;
		int count = 0;
		while (d && (e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				count++;
		if (count)
			BREACH("directory %s lists %d entries", path, count);
		else
			NOTE("%s: an empty directory", path);
		if (d)
			closedir(d);
		return;
	}
	if (n >= 0)
		BREACH("read %zd bytes of %s", n, path);
	else
		NOTE("%s opened but read failed: %s", path, strerror(errno));
	close(fd);
}

int
main(void)
{
	static const char *paths[] = {
		"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh",
		"/root", "/root/.bash_history", "/root/.ssh", "/home",
		"/work", "/work/main", "/work/main/meson.build", "/work/shared",
		"/tmp/gavel-evil-secret", "/run", "/run/gavel", "/var/lib",
		"/sys", "/sys/fs/cgroup", "/sys/kernel", "/proc/1/root/etc/shadow",
		"/proc/1/root/work", "/proc/1/root/tmp/gavel-evil-secret",
		"/proc/1/cwd/meson.build", "/proc/kcore", "/proc/kmsg",
		"/dev/mem", "/dev/kmsg",
		"/dev/vda", "/dev/sda", "/boot", "/var/log", "/proc/1/mem",
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		no_read(paths[i]);
	/* pid 1 of the box must not be a window onto the host root. */
	char buf[256];
	ssize_t n = readlink("/proc/1/root", buf, sizeof buf - 1);
	if (n > 0) {
		buf[n] = 0;
		NOTE("/proc/1/root -> %s", buf);
	}
	if (access("/proc/1/root/work/main", F_OK) == 0)
		BREACH("/proc/1/root/work/main exists: pid 1 sees the host");
	return evil_done();
}
