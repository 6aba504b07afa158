/* netns_counter: not run on its own -- the box side of harness/reuse.c.
 * "write N": N UDP sends with no route, which bump the network
 * namespace's Ip OutNoRoutes counter; "read": print that counter. If two
 * runs share a network namespace, the second reads what the first wrote:
 * a channel from one submission to the next. */
#include "evil.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int
main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "write") == 0) {
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(53) };
		int s = socket(AF_INET, SOCK_DGRAM, 0);

		inet_pton(AF_INET, "8.8.8.8", &a.sin_addr);
		for (int i = atoi(argv[2]); i > 0; i--)
			(void)sendto(s, "x", 1, 0, (void *)&a, sizeof a);
		return 0;
	}
	static char buf[8192];
	if (evil_slurp("/proc/net/snmp", buf, sizeof buf) < 0)
		return 1;
	/* "Ip: names...\nIp: values...\n" */
	char *names = strstr(buf, "Ip:"), *vals = names ? strstr(names + 3, "\nIp:") : NULL;
	if (!vals)
		return 1;
	*vals++ = '\0';
	char *ns, *vs, *n = strtok_r(names, " \n", &ns), *v = strtok_r(vals, " \n", &vs);
	for (; n && v; n = strtok_r(NULL, " \n", &ns), v = strtok_r(NULL, " \n", &vs))
		if (strcmp(n, "OutNoRoutes") == 0)
			printf("%s\n", v);
	return 0;
}
