/* persist_plant: leave state for the next run to find: files in /box,
 * /tmp and /dev/shm, a SysV shared memory segment, message queue and
 * semaphore set with a fixed key, a POSIX message queue, and a daemon.
 * persist_check, run next, must find none of it. Expected: ok. */
#include "evil.h"
#include <mqueue.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define KEY 0x6776656cL

int
main(void)
{
	static const char *files[] = { "/box/.persist", "/tmp/.persist",
		"/dev/shm/.persist" };
	for (size_t i = 0; i < 3; i++) {
		int fd = open(files[i], O_WRONLY | O_CREAT, 0666);
		if (fd >= 0)
			close(fd);
	}
	int id = shmget(KEY, 4096, IPC_CREAT | 0666);
	if (id >= 0) {
		char *p = shmat(id, NULL, 0);
		if (p != (void *)-1)
			strcpy(p, "planted");
	} else
		NOTE("shmget: %s", strerror(errno));
	if (msgget(KEY, IPC_CREAT | 0666) < 0)
		NOTE("msgget: %s", strerror(errno));
	if (semget(KEY, 1, IPC_CREAT | 0666) < 0)
		NOTE("semget: %s", strerror(errno));
	if (mq_open("/gavel-evil", O_CREAT | O_RDWR, 0666, NULL) < 0)
		NOTE("mq_open: %s", strerror(errno));
	if (fork() == 0) {
		setsid();
		close(0);
		close(1);
		close(2);
		sleep(120);
		_exit(0);
	}
	return 0;
}
