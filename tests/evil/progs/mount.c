/* mount: mount a tmpfs, bind-mount /, remount /usr read-write, unmount
 * /usr, pivot_root, mount proc/cgroup, the new mount API (fsopen,
 * open_tree, move_mount), and a chroot escape. All must be refused.
 * Expected: ok. */
#include "evil.h"
#include <sys/mount.h>

int
main(void)
{
	mkdir("/box/m", 0755);
	mkdir("/box/jail", 0755);
	MUST_FAIL("mount tmpfs", mount("none", "/box/m", "tmpfs", 0, NULL));
	MUST_FAIL("bind mount /", mount("/", "/box/m", NULL, MS_BIND | MS_REC, NULL));
	MUST_FAIL("remount /usr rw", mount(NULL, "/usr", NULL, MS_REMOUNT | MS_BIND, NULL));
	MUST_FAIL("mount proc", mount("proc", "/box/m", "proc", 0, NULL));
	MUST_FAIL("mount cgroup", mount("cgroup", "/box/m", "cgroup", 0, "memory"));
	MUST_FAIL("umount /usr", umount2("/usr", MNT_DETACH));
	MUST_FAIL("umount /proc", umount2("/proc", MNT_DETACH));
	MUST_FAIL("pivot_root", syscall(SYS_pivot_root, "/box", "/box/m"));
#ifdef SYS_fsopen
	MUST_FAIL("fsopen tmpfs", syscall(SYS_fsopen, "tmpfs", 0));
	MUST_FAIL("open_tree /usr clone", syscall(SYS_open_tree, AT_FDCWD, "/usr", 1 /* OPEN_TREE_CLONE */));
	MUST_FAIL("move_mount", syscall(SYS_move_mount, AT_FDCWD, "/usr", AT_FDCWD, "/box/m", 0));
	MUST_FAIL("mount_setattr", syscall(SYS_mount_setattr, AT_FDCWD, "/usr", 0, NULL, 0));
#endif
	/* chroot escape: chroot into a subdirectory, then walk up. */
	int r = chroot("/box/jail");
	MUST_FAIL("chroot", r);
	if (r == 0) {
		for (int i = 0; i < 64; i++)
			(void)chdir("..");
		if (chroot(".") == 0 && access("/work", F_OK) == 0)
			BREACH("chroot escape reached a host /work");
	}
	if (access("/box/m/etc", F_OK) == 0)
		BREACH("something got mounted on /box/m");
	return evil_done();
}
