/* setuid0: try to become root (setuid, setresuid, setgid, setgroups,
 * capset) and check the credentials the box gave: uid/gid in the box
 * range, no capabilities, no_new_privs, a seccomp filter.
 * Expected: ok. */
#include "evil.h"
#include <grp.h>
#include <linux/capability.h>

static unsigned long long
field_hex(const char *st, const char *name)
{
	const char *p = strstr(st, name);
	return p ? strtoull(p + strlen(name), NULL, 16) : ~0ULL;
}

static long
field_dec(const char *st, const char *name)
{
	const char *p = strstr(st, name);
	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

int
main(void)
{
	char st[8192];
	gid_t g0 = 0;
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	uid_t u = getuid();
	NOTE("uid %d euid %d gid %d", (int)u, (int)geteuid(), (int)getgid());
	if (u < 60000 || u > 61000 || geteuid() != u)
		BREACH("uid %d/%d outside the box range", (int)u,
		    (int)geteuid());
	if (getgid() < 60000 || getgid() > 61000)
		BREACH("gid %d outside the box range", (int)getgid());
	MUST_FAIL("setuid(0)", setuid(0));
	MUST_FAIL("setresuid(0,0,0)", setresuid(0, 0, 0));
	MUST_FAIL("setgid(0)", setgid(0));
	MUST_FAIL("setgroups([0])", setgroups(1, &g0));
	MUST_FAIL("setuid(60999)", u == 60999 ? -1 : setuid(60999));
	memset(d, 0xff, sizeof d);
	MUST_FAIL("capset(all)", syscall(SYS_capset, &h, d));
	if (evil_slurp("/proc/self/status", st, sizeof st) < 0) {
		BREACH("cannot read /proc/self/status");
		return evil_done();
	}
	if (field_hex(st, "CapEff:\t") || field_hex(st, "CapPrm:\t") ||
	    field_hex(st, "CapInh:\t") || field_hex(st, "CapAmb:\t"))
		BREACH("capabilities held: CapEff %llx CapPrm %llx CapAmb %llx",
		    field_hex(st, "CapEff:\t"), field_hex(st, "CapPrm:\t"),
		    field_hex(st, "CapAmb:\t"));
	if (field_hex(st, "CapBnd:\t"))
		NOTE("CapBnd is %llx (not dropped; harmless with no_new_privs)",
		    field_hex(st, "CapBnd:\t"));
	if (field_dec(st, "NoNewPrivs:\t") != 1)
		BREACH("no_new_privs not set");
	if (field_dec(st, "Seccomp:\t") != 2)
		BREACH("no seccomp filter (Seccomp: %ld)",
		    field_dec(st, "Seccomp:\t"));
	if (getgroups(0, NULL) > 1)
		BREACH("%d supplementary groups", getgroups(0, NULL));
	return evil_done();
}
