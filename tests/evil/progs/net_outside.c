/* net_outside: TCP to 1.1.1.1:80 and 8.8.8.8:53, UDP to 8.8.8.8:53, IPv6
 * TCP to 2606:4700:4700::1111; the box must have no route anywhere. Only
 * the loopback interface may exist (/proc/net/dev). Expected: ok. */
#include "evil.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static void
tcp4(const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	char what[64];
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	inet_pton(AF_INET, ip, &a.sin_addr);
	if (s < 0)
		return;
	int r = connect(s, (void *)&a, sizeof a);
	snprintf(what, sizeof what, "connect %s:%d", ip, port);
	if (r == 0 || errno == EINPROGRESS)
		BREACH("%s started: there is a route out", what);
	else
		NOTE("%s: %s", what, strerror(errno));
	close(s);
}

int
main(void)
{
	char buf[4096];

	tcp4("1.1.1.1", 80);
	tcp4("8.8.8.8", 53);
	tcp4("10.0.2.2", 22);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(53) };
	inet_pton(AF_INET, "8.8.8.8", &a.sin_addr);
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s >= 0) {
		MUST_FAIL("UDP sendto 8.8.8.8:53",
		    sendto(s, "x", 1, 0, (void *)&a, sizeof a));
		close(s);
	}
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(80) };
	inet_pton(AF_INET6, "2606:4700:4700::1111", &a6.sin6_addr);
	s = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (s >= 0) {
		int r = connect(s, (void *)&a6, sizeof a6);
		if (r == 0 || errno == EINPROGRESS)
			BREACH("IPv6 connect started: there is a route out");
		close(s);
	}
	if (evil_slurp("/proc/net/dev", buf, sizeof buf) > 0) {
		char *line = strchr(buf, '\n');
		line = line ? strchr(line + 1, '\n') : NULL;
		for (; line && line[1]; line = strchr(line + 1, '\n')) {
			char name[32];
			if (sscanf(line + 1, " %31[^:]:", name) == 1 &&
			    strcmp(name, "lo") != 0)
				BREACH("network interface %s in the box", name);
		}
	}
	return evil_done();
}
