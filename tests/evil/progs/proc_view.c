/* proc_view: /proc must show only the box's own processes (a fresh pid
 * namespace): few pids, all small, none of them the host's. A BREACH is a
 * host process in view. Expected: ok. */
#include "evil.h"
#include <ctype.h>
#include <dirent.h>

int
main(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int count = 0;
	char path[300], comm[64];

	if (!d) {
		BREACH("no /proc?");
		return evil_done();
	}
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		count++;
		long pid = atol(e->d_name);
		snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
		if (evil_slurp(path, comm, sizeof comm) < 0)
			strcpy(comm, "?\n");
		NOTE("pid %ld: %s", pid, strtok(comm, "\n"));
		if (pid > 1000)
			BREACH("pid %ld (%s) visible: not a fresh pid namespace",
			    pid, comm);
		if (!strcmp(comm, "systemd") || !strcmp(comm, "init") ||
		    !strcmp(comm, "sshd") || !strcmp(comm, "bash") ||
		    !strcmp(comm, "meson") || !strcmp(comm, "run.sh"))
			BREACH("host process %s visible", comm);
	}
	closedir(d);
	if (count > 16)
		BREACH("%d pids visible", count);
	return evil_done();
}
