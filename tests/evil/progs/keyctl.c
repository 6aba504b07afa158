/* keyctl: add_key, request_key and keyctl must be refused -- keys outlive
 * the box and could carry data to the next run. /proc/keys must show no
 * key. Expected: ok. */
#include "evil.h"

#define KEY_SPEC_SESSION_KEYRING -3
#define KEY_SPEC_USER_KEYRING -4
#define KEYCTL_GET_KEYRING_ID 0
#define KEYCTL_JOIN_SESSION_KEYRING 1

int
main(void)
{
	char buf[4096];

	MUST_FAIL("add_key(user)", syscall(SYS_add_key, "user", "gavel-evil",
	    "planted", 7, KEY_SPEC_USER_KEYRING));
	MUST_FAIL("add_key(session)", syscall(SYS_add_key, "user", "gavel-evil",
	    "planted", 7, KEY_SPEC_SESSION_KEYRING));
	MUST_FAIL("request_key", syscall(SYS_request_key, "user", "gavel-evil",
	    NULL, KEY_SPEC_USER_KEYRING));
	MUST_FAIL("keyctl(GET_KEYRING_ID)", syscall(SYS_keyctl,
	    KEYCTL_GET_KEYRING_ID, KEY_SPEC_USER_KEYRING, 1));
	MUST_FAIL("keyctl(JOIN_SESSION_KEYRING)", syscall(SYS_keyctl,
	    KEYCTL_JOIN_SESSION_KEYRING, "gavel-evil"));
	if (evil_slurp("/proc/keys", buf, sizeof buf) > 0 && strstr(buf, "gavel-evil"))
		BREACH("/proc/keys shows a gavel-evil key:\n%s", buf);
	return evil_done();
}
