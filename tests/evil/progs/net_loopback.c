/* net_loopback: connect to 127.0.0.1:PORT and [::1]:PORT where the runner
 * listens on the host (PORT is argv[1]). The box has its own empty network
 * namespace, so this must fail (run.sh also checks that the listener saw
 * nothing). Expected: ok. */
#include "evil.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int
main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 0;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(port) };

	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	a6.sin6_addr = in6addr_loopback;
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s >= 0) {
		MUST_FAIL("connect 127.0.0.1", connect(s, (void *)&a, sizeof a));
		close(s);
	} else
		NOTE("AF_INET socket refused: %s", strerror(errno));
	s = socket(AF_INET6, SOCK_STREAM, 0);
	if (s >= 0) {
		MUST_FAIL("connect [::1]", connect(s, (void *)&a6, sizeof a6));
		close(s);
	}
	/* The gateway of a docker-ish host, and the host's own address. */
	inet_pton(AF_INET, "172.17.0.1", &a.sin_addr);
	s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (s >= 0) {
		int r = connect(s, (void *)&a, sizeof a);
		if (r == 0 || errno == EINPROGRESS)
			BREACH("connect 172.17.0.1 started (%s)", strerror(errno));
		close(s);
	}
	return evil_done();
}
