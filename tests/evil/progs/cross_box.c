/* cross_box: two boxes at once. "hold" (run in the background by run.sh)
 * leaves traces a neighbour might reach: an abstract unix socket and a
 * TCP listener on 127.0.0.1:7777 in its network namespace, files in /tmp,
 * /box and /dev/shm, a SysV shm segment; prints "ready" and lives 3 s.
 * "probe" (run meanwhile) looks for every one of them, and signals every
 * pid it can see. Expected: ok for both, no trace found. */
#include "evil.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>

#define KEY 0x67766c62L
#define NAME "gavel-evil-cross-box"

static socklen_t
abstract_addr(struct sockaddr_un *a)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path + 1, NAME);
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(NAME);
}

static int
hold(void)
{
	struct sockaddr_un a;
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(7777) };
	socklen_t len = abstract_addr(&a);
	int u = socket(AF_UNIX, SOCK_STREAM, 0);

	if (u < 0 || bind(u, (void *)&a, len) < 0 || listen(u, 4) < 0)
		NOTE("abstract socket: %s", strerror(errno));
	int t = socket(AF_INET, SOCK_STREAM, 0);
	inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
	if (t < 0 || bind(t, (void *)&in, sizeof in) < 0 || listen(t, 4) < 0)
		NOTE("tcp listener: %s", strerror(errno));
	static const char *files[] = { "/tmp/" NAME, "/box/" NAME, "/dev/shm/" NAME };
	for (size_t i = 0; i < 3; i++)
		close(open(files[i], O_WRONLY | O_CREAT, 0666));
	int id = shmget(KEY, 4096, IPC_CREAT | 0666);
	if (id < 0)
		NOTE("shmget: %s", strerror(errno));
	printf("ready\n");
	fflush(stdout);
	sleep(3);
	return 0;
}

static int
probe(void)
{
	struct sockaddr_un a;
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(7777) };
	socklen_t len = abstract_addr(&a);
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	char buf[8192];

	MUST_FAIL("connect to the neighbour's abstract socket",
	    connect(u, (void *)&a, len));
	int t = socket(AF_INET, SOCK_STREAM, 0);
	inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
	MUST_FAIL("connect to the neighbour's 127.0.0.1:7777",
	    connect(t, (void *)&in, sizeof in));
	static const char *files[] = { "/tmp/" NAME, "/box/" NAME, "/dev/shm/" NAME };
	for (size_t i = 0; i < 3; i++)
		if (access(files[i], F_OK) == 0)
			BREACH("the neighbour's %s is visible", files[i]);
	if (shmget(KEY, 0, 0) >= 0)
		BREACH("the neighbour's SysV shm segment is visible");
	if (evil_slurp("/proc/net/unix", buf, sizeof buf) > 0 && strstr(buf, NAME))
		BREACH("the neighbour's abstract socket is listed in /proc/net/unix");
	signal(SIGTERM, SIG_IGN);
	for (pid_t p = 2; p < 4096; p++)
		if (p != getpid() && kill(p, 0) == 0)
			BREACH("pid %d is visible (the box has only itself)", (int)p);
	return evil_done();
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "hold") == 0)
		return hold();
	return probe();
}
