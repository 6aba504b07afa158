/* net_abstract_unix: connect to the abstract unix socket NAME (argv[1])
 * that the runner listens on, on the host; and to a few well-known host
 * unix socket paths. The own network namespace hides abstract sockets.
 * Expected: ok (run.sh checks that the listener saw nothing). */
#include "evil.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>

static void
try(const char *name, int abstract)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len;
	char what[160];
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	if (s < 0) {
		NOTE("AF_UNIX refused: %s", strerror(errno));
		return;
	}
	if (abstract) {
		strncpy(a.sun_path + 1, name, sizeof a.sun_path - 2);
		len = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name);
	} else {
		strncpy(a.sun_path, name, sizeof a.sun_path - 1);
		len = sizeof a;
	}
	snprintf(what, sizeof what, "connect %s%s", abstract ? "@" : "", name);
	MUST_FAIL(what, connect(s, (void *)&a, len));
	close(s);
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		try(argv[1], 1);
	try("/run/systemd/private", 0);
	try("/run/dbus/system_bus_socket", 0);
	try("/var/run/docker.sock", 0);
	try("/run/systemd/journal/stdout", 0);
	try("/dev/log", 0);
	return evil_done();
}
