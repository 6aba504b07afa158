/* env_secret: the runner exports GAVEL_EVIL_SECRET before calling gavel.
 * It must not reach the box: not in environ, /proc/self/environ, nor the
 * environ or cmdline of any process in view. The environment must be
 * exactly PATH, HOME=/box, LANG=C.UTF-8. Expected: ok. */
#include "evil.h"
#include <ctype.h>
#include <dirent.h>

extern char **environ;

static void
scan(const char *path)
{
	static char buf[1 << 16];
	ssize_t n = evil_slurp(path, buf, sizeof buf);

	for (ssize_t i = 0; i < n; i++)
		if (memcmp(buf + i, "GAVEL_EVIL_SECRET", 17) == 0 && i + 17 <= n) {
			BREACH("secret visible in %s", path);
			return;
		}
}

int
main(void)
{
	int has_path = 0, has_home = 0, has_lang = 0;

	for (char **e = environ; *e; e++) {
		if (strncmp(*e, "PATH=", 5) == 0)
			has_path = 1;
		else if (strcmp(*e, "HOME=/box") == 0)
			has_home = 1;
		else if (strcmp(*e, "LANG=C.UTF-8") == 0)
			has_lang = 1;
		else
			BREACH("unexpected environment variable %.60s", *e);
	}
	if (!has_path || !has_home || !has_lang)
		BREACH("default environment incomplete (PATH %d HOME %d LANG %d)",
		    has_path, has_home, has_lang);
	if (getenv("GAVEL_EVIL_SECRET"))
		BREACH("GAVEL_EVIL_SECRET in environ");
	scan("/proc/self/environ");
	DIR *d = opendir("/proc");
	struct dirent *de;
	char path[300];
	while (d && (de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		snprintf(path, sizeof path, "/proc/%s/environ", de->d_name);
		scan(path);
		snprintf(path, sizeof path, "/proc/%s/cmdline", de->d_name);
		scan(path);
	}
	if (d)
		closedir(d);
	return evil_done();
}
