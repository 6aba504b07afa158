/*
 * sandbox/filter.c -- build the box's seccomp filter; see filter.h.
 */
#include "sandbox/filter.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* Calls that fail with EPERM inside a box. */
static const char *const denied[] = {
	/* file systems and namespaces */
	"mount", "umount", "umount2", "pivot_root", "chroot", "unshare",
	"setns", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount",
	"open_tree", "mount_setattr", "open_by_handle_at", "name_to_handle_at",
	"quotactl", "quotactl_fd", "swapon", "swapoff",
	/* other processes */
	"ptrace", "process_vm_readv", "process_vm_writev", "process_madvise",
	"kcmp", "pidfd_getfd",
	/* kernel keyrings: state that outlives the box */
	"keyctl", "add_key", "request_key",
	/* kernel attack surface */
	"bpf", "perf_event_open", "userfaultfd", "io_uring_setup",
	"io_uring_enter", "io_uring_register", "kexec_load",
	"kexec_file_load", "init_module", "finit_module", "delete_module",
	"reboot", "acct", "syslog", "vhangup", "iopl", "ioperm", "modify_ldt",
	"lookup_dcookie", "uselib", "nfsservctl", "fanotify_init",
	"memfd_secret", "landlock_create_ruleset",
	/* clocks and names */
	"settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
	"sethostname", "setdomainname",
	/* locks on shared read-only files could stall other boxes */
	"flock",
};

#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x00000008
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

/* Calls that fail with EPERM when (argument arg & mask) == value. */
static const struct {
	const char *name;
	unsigned    arg;
	uint64_t    mask, value;
} arg_rules[] = {
	/* No setuid or setgid file: one left in a read-write bind would
	 * outlive the box and run as a box uid that a later box gets. Each
	 * call that sets a mode, for each bit alone, so high bits cannot
	 * hide it (openat2, whose mode is in memory, is made absent). */
#define NO_SUID(call, arg)                                                     \
	{ call, arg, S_ISUID, S_ISUID }, { call, arg, S_ISGID, S_ISGID }
	NO_SUID("chmod", 1), NO_SUID("fchmod", 1), NO_SUID("fchmodat", 2),
	NO_SUID("fchmodat2", 2), NO_SUID("open", 2), NO_SUID("openat", 3),
	NO_SUID("creat", 1), NO_SUID("mknod", 1), NO_SUID("mknodat", 2),
#undef NO_SUID
	/* No signal through the files every box shares (/usr, read-only
	 * binds): record locks and leases, which a box running at the same
	 * time can see, and page-cache eviction that a later box could probe
	 * without blocking (RWF_NOWAIT). Commands, advice and ioctl requests
	 * are ints: 32 bits compared, or high bits in the register slip by. */
	{ "fcntl", 1, 0xffffffffu, F_GETLK },
	{ "fcntl", 1, 0xffffffffu, F_SETLK },
	{ "fcntl", 1, 0xffffffffu, F_SETLKW },
	{ "fcntl", 1, 0xffffffffu, F_OFD_GETLK },
	{ "fcntl", 1, 0xffffffffu, F_OFD_SETLK },
	{ "fcntl", 1, 0xffffffffu, F_OFD_SETLKW },
	{ "fcntl", 1, 0xffffffffu, F_SETLEASE },
	{ "fadvise64", 3, 0xffffffffu, POSIX_FADV_DONTNEED },
	{ "madvise", 2, 0xffffffffu, MADV_COLD },
	{ "madvise", 2, 0xffffffffu, MADV_PAGEOUT },
	{ "preadv2", 5, RWF_NOWAIT, RWF_NOWAIT },
	{ "pwritev2", 5, RWF_NOWAIT, RWF_NOWAIT },
	/* Terminal injection (CVE-2017-5226 style) and console tricks. */
	{ "ioctl", 1, 0xffffffffu, TIOCSTI },
	{ "ioctl", 1, 0xffffffffu, TIOCLINUX },
};

/* Namespace flags of clone(2); CLONE_NEWTIME only exists for clone3 and
 * unshare, both denied. */
#define CLONE_NS_FLAGS                                                         \
	(CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |           \
	    CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)

static struct sock_filter *filter_code;
static unsigned short	   filter_len;

static int
add(scmp_filter_ctx ctx, uint32_t action, const char *name, unsigned argc,
    const struct scmp_arg_cmp *args, char *msg, size_t msglen)
{
	int nr = seccomp_syscall_resolve_name(name);
	int r;

	if (nr == __NR_SCMP_ERROR)
		return 0; /* not on this architecture */
	r = seccomp_rule_add_array(ctx, action, nr, argc, args);
	if (r < 0) {
		snprintf(msg, msglen, "seccomp rule for %s: %s", name,
		    strerror(-r));
		return -1;
	}
	return 0;
}

static int
export(scmp_filter_ctx ctx, char *msg, size_t msglen)
{
	int	    fd, r;
	off_t	    size;
	ssize_t	    n;
	struct sock_filter *code;

	fd = memfd_create("gavel-seccomp", MFD_CLOEXEC);
	if (fd < 0) {
		snprintf(msg, msglen, "memfd_create: %s", strerror(errno));
		return -1;
	}
	r = seccomp_export_bpf(ctx, fd);
	if (r < 0) {
		snprintf(msg, msglen, "seccomp_export_bpf: %s", strerror(-r));
		close(fd);
		return -1;
	}
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % sizeof(struct sock_filter) != 0 ||
	    size / sizeof(struct sock_filter) > 0xffff) {
		snprintf(msg, msglen, "seccomp filter of odd size %lld",
		    (long long)size);
		close(fd);
		return -1;
	}
	code = malloc((size_t)size);
	if (code == NULL) {
		close(fd);
		snprintf(msg, msglen, "out of memory");
		return -1;
	}
	n = pread(fd, code, (size_t)size, 0);
	close(fd);
	if (n != size) {
		free(code);
		snprintf(msg, msglen, "reading the seccomp filter failed");
		return -1;
	}
	filter_code = code;
	filter_len = (unsigned short)(size / sizeof(struct sock_filter));
	return 0;
}

int
box_seccomp_build(struct sock_fprog *prog, char *msg, size_t msglen)
{
	scmp_filter_ctx ctx;
	size_t		i;
	int		r = -1;

	if (filter_code != NULL)
		goto done;
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (ctx == NULL) {
		snprintf(msg, msglen, "seccomp_init failed");
		return -1;
	}
	/* Another ABI's syscalls (i386 via int 0x80, x32) kill the process:
	 * only the native architecture is in the filter. */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
		SCMP_ACT_KILL_PROCESS) < 0)
		goto out;
	/* A binary tree over syscall numbers rather than a linear chain:
	 * the kernel runs the filter for every syscall number when it is
	 * installed (to build its action cache), once per box. */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) < 0)
		goto out;
	for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++)
		if (add(ctx, SCMP_ACT_ERRNO(EPERM), denied[i], 0, NULL, msg,
			msglen) < 0)
			goto out;

	for (i = 0; i < sizeof(arg_rules) / sizeof(arg_rules[0]); i++) {
		struct scmp_arg_cmp c = { .arg = arg_rules[i].arg,
			.op = SCMP_CMP_MASKED_EQ,
			.datum_a = arg_rules[i].mask,
			.datum_b = arg_rules[i].value };

		if (add(ctx, SCMP_ACT_ERRNO(EPERM), arg_rules[i].name, 1, &c, msg,
			msglen) < 0)
			goto out;
	}
	/* openat2 passes its mode in memory, out of sight: it looks absent. */
	if (add(ctx, SCMP_ACT_ERRNO(ENOSYS), "openat2", 0, NULL, msg, msglen) <
	    0)
		goto out;

	/* clone3 takes its flags in memory, out of the filter's sight: make
	 * it look absent so libc uses clone, whose flags we check. */
	if (add(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL, msg, msglen) <
	    0)
		goto out;
	/* Deny clone when any namespace flag is set. */
	for (i = 0; i < 64; i++) {
		uint64_t	    bit = 1ULL << i;
		struct scmp_arg_cmp b;

		if (!(CLONE_NS_FLAGS & bit))
			continue;
		b = (struct scmp_arg_cmp)SCMP_A0(SCMP_CMP_MASKED_EQ, bit, bit);
		if (add(ctx, SCMP_ACT_ERRNO(EPERM), "clone", 1, &b, msg, msglen) <
		    0)
			goto out;
	}
	/* Sockets: only AF_UNIX (1), AF_INET (2) and AF_INET6 (10); the box's
	 * network namespace has nothing but its own loopback. The family is an
	 * int: compare its low 32 bits only. Few rules, since the kernel
	 * compiles the filter anew for every box. */
	for (i = 0; i <= AF_INET6; i++) {
		struct scmp_arg_cmp c;

		if (i == AF_UNIX || i == AF_INET || i == AF_INET6)
			continue;
		c = (struct scmp_arg_cmp)SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffu, i);
		if (add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), "socket", 1, &c, msg,
			msglen) < 0 ||
		    add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), "socketpair", 1, &c,
			msg, msglen) < 0)
			goto out;
	}
	{
		/* Above AF_INET6, and negative ints (high bit set), too. */
		struct scmp_arg_cmp c = SCMP_A0(SCMP_CMP_GT, AF_INET6);

		if (add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), "socket", 1, &c, msg,
			msglen) < 0 ||
		    add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), "socketpair", 1, &c,
			msg, msglen) < 0)
			goto out;
	}
	if (export(ctx, msg, msglen) < 0)
		goto out;
	r = 0;
out:
	seccomp_release(ctx);
	if (r < 0)
		return -1;
done:
	prog->len = filter_len;
	prog->filter = filter_code;
	return 0;
}
