/* net_vsock: AF_VSOCK sockets (to the hypervisor) must be refused, and a
 * connect to the host CID must not get through. Expected: ok. */
#include "evil.h"
#include <linux/vm_sockets.h>
#include <sys/socket.h>

int
main(void)
{
	int s = socket(AF_VSOCK, SOCK_STREAM, 0);

	MUST_FAIL("socket(AF_VSOCK, STREAM)", s);
	if (s >= 0) {
		struct sockaddr_vm a = { .svm_family = AF_VSOCK,
			.svm_cid = VMADDR_CID_HOST, .svm_port = 22 };
		MUST_FAIL("connect vsock host:22", connect(s, (void *)&a, sizeof a));
	}
	MUST_FAIL("socket(AF_VSOCK, DGRAM)", socket(AF_VSOCK, SOCK_DGRAM, 0));
	return evil_done();
}
