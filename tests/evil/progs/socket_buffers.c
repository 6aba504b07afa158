/* socket_buffers: park data in AF_UNIX socket buffers (kernel memory) from
 * 8 processes, up to 160 MiB in all, under a 32 MiB memory limit (run with
 * --memory 32). Memory the cgroup does not see would let each box take
 * far more than its limit. Expected: memory_limit; a BREACH (exit 42) if
 * 96 MiB or more sat in socket buffers without an OOM kill. */
#include "evil.h"
#include <sys/socket.h>

#define PROCS 8
#define PER_PROC (20L << 20)

static long
fill(void)
{
	static char buf[65536];
	long total = 0;

	for (int i = 0; i < 100 && total < PER_PROC; i++) {
		int sv[2], sz = 8 << 20;
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) < 0)
			break;
		setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof sz);
		setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sz, sizeof sz);
		ssize_t n;
		while (total < PER_PROC && (n = write(sv[0], buf, sizeof buf)) > 0)
			total += n;
	}
	return total;
}

int
main(void)
{
	int p[2];
	long total = 0, part;

	if (pipe(p) < 0)
		return 1;
	for (int i = 0; i < PROCS; i++)
		if (fork() == 0) {
			part = fill();
			(void)write(p[1], &part, sizeof part);
			pause(); /* keep the buffers alive */
			_exit(0);
		}
	for (int i = 0; i < PROCS; i++) {
		if (read(p[0], &part, sizeof part) != sizeof part)
			break;
		total += part;
	}
	NOTE("%ld MiB in socket buffers", total >> 20);
	if (total >= (96L << 20))
		BREACH("%ld MiB held in socket buffers under a 32 MiB memory "
		    "limit, without an OOM kill", total >> 20);
	return evil_done();
}
