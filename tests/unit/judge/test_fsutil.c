/*
 * tests/unit/judge/test_fsutil.c -- reading what a box wrote without
 * following it anywhere (judge/fsutil.c): links, FIFOs, directories and
 * oversized files are refused; trusted reads and sorted listings.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/fsutil.h"

static char dir[64];
static int  dfd = -1;

static void
setup(void)
{
	strcpy(dir, "/tmp/test_fsutil_XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	cr_assert(dfd >= 0);
}

static void
teardown(void)
{
	char cmd[128];

	close(dfd);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

TestSuite(fsutil, .init = setup, .fini = teardown);

Test(fsutil, regular_files_are_read)
{
	char  *s;
	size_t n;

	cr_assert_eq(fs_write_new(dfd, "a", "hello", 5, 0640), 0);
	s = fs_read_untrusted(dfd, "a", 100, &n);
	cr_assert_not_null(s);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(s, "hello");
	free(s);
	/* fs_write_new never replaces. */
	cr_assert_eq(fs_write_new(dfd, "a", "x", 1, 0644), -1);
	cr_assert_eq(errno, EEXIST);
}

Test(fsutil, planted_links_are_not_followed)
{
	char *s;

	cr_assert_eq(symlinkat("/etc/passwd", dfd, "main"), 0);
	s = fs_read_untrusted(dfd, "main", 1 << 20, NULL);
	cr_assert_null(s);
	cr_assert_eq(errno, ELOOP);
	cr_assert_eq(fs_write_new(dfd, "out", "", 0, 0644), 0);
	cr_assert_eq(fs_copy_untrusted(dfd, "main", 1 << 20, dfd, "copy",
			 0644),
	    -1);
	cr_assert_eq(errno, ELOOP);
	cr_assert_eq(faccessat(dfd, "copy", F_OK, 0), -1);
	/* Nor is a link where the judge writes. */
	cr_assert_eq(symlinkat("/tmp/never", dfd, "w"), 0);
	cr_assert_eq(fs_write_new(dfd, "w", "x", 1, 0644), -1);
}

Test(fsutil, fifos_and_directories_are_refused_without_blocking)
{
	cr_assert_eq(mkfifoat(dfd, "fifo", 0666), 0);
	cr_assert_null(fs_read_untrusted(dfd, "fifo", 100, NULL));
	cr_assert_eq(errno, EINVAL);
	cr_assert_eq(mkdirat(dfd, "d", 0755), 0);
	cr_assert_null(fs_read_untrusted(dfd, "d", 100, NULL));
	cr_assert_eq(errno, EINVAL);
}

Test(fsutil, size_cap)
{
	cr_assert_eq(fs_write_new(dfd, "big", "0123456789", 10, 0644), 0);
	cr_assert_null(fs_read_untrusted(dfd, "big", 9, NULL));
	cr_assert_eq(errno, EFBIG);
	cr_assert_eq(fs_copy_untrusted(dfd, "big", 9, dfd, "c", 0755), -1);
	cr_assert_eq(errno, EFBIG);
	cr_assert_eq(fs_copy_untrusted(dfd, "big", 10, dfd, "c", 0755), 0);
}

Test(fsutil, copy_sets_the_mode)
{
	struct stat st;

	cr_assert_eq(fs_write_new(dfd, "x", "abc", 3, 0600), 0);
	cr_assert_eq(fs_copy_untrusted(dfd, "x", 100, dfd, "y", 0755), 0);
	cr_assert_eq(fstatat(dfd, "y", &st, AT_SYMLINK_NOFOLLOW), 0);
	cr_assert_eq(st.st_mode & 07777, 0755);
	cr_assert_eq(st.st_size, 3);
}

Test(fsutil, listing_is_sorted)
{
	char **names;

	cr_assert_eq(fs_write_new(dfd, "b", "", 0, 0644), 0);
	cr_assert_eq(fs_write_new(dfd, "10", "", 0, 0644), 0);
	cr_assert_eq(fs_write_new(dfd, "2", "", 0, 0644), 0);
	names = fs_list_sorted(dir);
	cr_assert_not_null(names);
	cr_assert_str_eq(names[0], "10");
	cr_assert_str_eq(names[1], "2");
	cr_assert_str_eq(names[2], "b");
	cr_assert_null(names[3]);
	fs_names_free(names);
	cr_assert_null(fs_list_sorted("/nonexistent/x"));
}

Test(fsutil, memfd_tail)
{
	int   fd = memfd_create("t", 0);
	char *s;

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, "abcdefgh", 8), 8);
	s = fs_read_fd(fd, 3, 1, NULL);
	cr_assert_str_eq(s, "fgh");
	free(s);
	s = fs_read_fd(fd, 3, 0, NULL);
	cr_assert_str_eq(s, "abc");
	free(s);
	close(fd);
}
