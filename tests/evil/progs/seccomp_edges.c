/* seccomp_edges: calls the filter claims to deny, made with arguments for
 * which the kernel itself would answer differently (EBADF, EINVAL, EFAULT,
 * ENOSYS or success) -- so an answer other than the filter's EPERM /
 * EAFNOSUPPORT means the call got past the filter. Covers flock, kcmp,
 * pidfd_getfd, process_madvise, name_to_handle_at, memfd_secret, ioperm,
 * iopl, quotactl, fanotify_init, landlock, and socket families with high
 * bits set in the 64-bit register (the kernel reads an int). Also checks
 * that ordinary calls still work. Expected: ok. */
#include "evil.h"
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/ioctl.h>

static void
filtered(const char *what, long r, int want)
{
	if (r >= 0)
		BREACH("%s succeeded (%ld): not filtered", what, r);
	else if (errno != want)
		BREACH("%s got past the filter: the kernel answered %s", what,
		    strerror(errno));
	else
		NOTE("%s: %s", what, strerror(errno));
}

int
main(void)
{
	char buf[64];
	pid_t c = fork();

	if (c == 0) {
		pause();
		_exit(0);
	}
	filtered("flock(-1)", flock(-1, LOCK_EX), EPERM);
	filtered("kcmp(self, self, KCMP_VM)",
	    syscall(SYS_kcmp, getpid(), getpid(), 1, 0, 0), EPERM);
	int pfd = (int)syscall(SYS_pidfd_open, c, 0);
	if (pfd >= 0) {
		filtered("pidfd_getfd(child, 0)", syscall(SYS_pidfd_getfd, pfd, 0, 0), EPERM);
		struct iovec v = { buf, sizeof buf };
		filtered("process_madvise(child)",
		    syscall(SYS_process_madvise, pfd, &v, 1, MADV_COLD, 0), EPERM);
	} else
		NOTE("pidfd_open(child): %s", strerror(errno));
	filtered("name_to_handle_at(bad pointer)",
	    syscall(SYS_name_to_handle_at, AT_FDCWD, "/box", (void *)8, (void *)8, 0), EPERM);
	filtered("open_by_handle_at(-1)", syscall(SYS_open_by_handle_at, -1, (void *)8, 0), EPERM);
#ifdef SYS_memfd_secret
	filtered("memfd_secret", syscall(SYS_memfd_secret, 0), EPERM);
#endif
	filtered("ioperm(65536, 1)", syscall(SYS_ioperm, 65536, 1, 1), EPERM);
	filtered("iopl(4)", syscall(SYS_iopl, 4), EPERM);
	filtered("quotactl(Q_SYNC, NULL)",
	    syscall(SYS_quotactl, (0x800001 << 8) | 0 /* QCMD(Q_SYNC, USRQUOTA) */, NULL, 0, NULL), EPERM);
	filtered("fanotify_init(FAN_REPORT_FID)",
	    syscall(SYS_fanotify_init, 0x200 /* FAN_REPORT_FID */, 0), EPERM);
	filtered("landlock_create_ruleset(VERSION)",
	    syscall(SYS_landlock_create_ruleset, NULL, 0, 1), EPERM);
	filtered("vhangup", syscall(SYS_vhangup), EPERM);
	/* Socket families: the kernel takes an int. */
	static const struct { long fam; const char *name; } fam[] = {
		{ (1L << 32) | 16, "AF_NETLINK|1<<32" },
		{ (1L << 32) | 17, "AF_PACKET|1<<32" },
		{ (1L << 32) | 40, "AF_VSOCK|1<<32" },
		{ 38, "AF_ALG" },
		{ (1L << 32) | 38, "AF_ALG|1<<32" },
		{ 0xffffffffL << 32 | 16, "AF_NETLINK|0xffffffff<<32" },
	};
	for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++) {
		char what[80];
		snprintf(what, sizeof what, "socket(%s)", fam[i].name);
		filtered(what, syscall(SYS_socket, fam[i].fam, SOCK_DGRAM, 0), EAFNOSUPPORT);
		snprintf(what, sizeof what, "socketpair(%s)", fam[i].name);
		int sv[2];
		filtered(what, syscall(SYS_socketpair, fam[i].fam, SOCK_DGRAM, 0, sv), EAFNOSUPPORT);
	}
	/* Ordinary calls must still work. */
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 ||
	    socket(AF_INET, SOCK_STREAM, 0) < 0 || socket(AF_INET6, SOCK_DGRAM, 0) < 0) {
		fprintf(stderr, "ordinary sockets refused: %s\n", strerror(errno));
		return 1;
	}
	int n;
	if (ioctl(sv[0], FIONREAD, &n) < 0) {
		fprintf(stderr, "ioctl(FIONREAD) refused: %s\n", strerror(errno));
		return 1;
	}
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	return evil_done();
}
