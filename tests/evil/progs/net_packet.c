/* net_packet: AF_PACKET and raw IP sockets must be refused. Expected: ok. */
#include "evil.h"
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <netinet/in.h>
#include <sys/socket.h>

int
main(void)
{
	MUST_FAIL("socket(AF_PACKET, RAW)", socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)));
	MUST_FAIL("socket(AF_PACKET, DGRAM)", socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP)));
	MUST_FAIL("socket(AF_INET, RAW)", socket(AF_INET, SOCK_RAW, IPPROTO_RAW));
	MUST_FAIL("socket(AF_INET6, RAW)", socket(AF_INET6, SOCK_RAW, IPPROTO_RAW));
	return evil_done();
}
