/* net_netlink: AF_NETLINK sockets (route, audit, uevent, sock_diag) must be
 * refused. Expected: ok. */
#include "evil.h"
#include <linux/netlink.h>
#include <sys/socket.h>

int
main(void)
{
	MUST_FAIL("socket(NETLINK_ROUTE)", socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
	MUST_FAIL("socket(NETLINK_AUDIT)", socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT));
	MUST_FAIL("socket(NETLINK_KOBJECT_UEVENT)", socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT));
	MUST_FAIL("socket(NETLINK_SOCK_DIAG)", socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG));
	return evil_done();
}
