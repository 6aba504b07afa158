/*
 * tests/unit/util/test_log.c -- one log record is one line: control bytes
 * in what is logged (a client's decoded URL path, say) are escaped.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util/log.h"

/* What log_info("%s", text) writes to stderr, NUL-terminated; caller frees. */
static char *
logged(const char *text)
{
	int   fd = memfd_create("log", 0), saved = dup(2);
	off_t n;
	char *buf;

	cr_assert(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, 2);
	log_info("%s", text);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = lseek(fd, 0, SEEK_END);
	buf = calloc(1, (size_t)n + 1);
	cr_assert_eq(pread(fd, buf, (size_t)n, 0), n);
	close(fd);
	return buf;
}

Test(log, a_forged_record_stays_on_one_line)
{
	char *out = logged(
	    "GET /x\n2026-11-26T01:29:13.000Z gavel[1] info: auth: failed\n");

	cr_assert_eq(strchr(out, '\n'), out + strlen(out) - 1,
	    "more than one line: %s", out);
	cr_assert_not_null(strstr(out, "GET /x\\n2026-11-26T01:29:13.000Z"),
	    "%s", out);
	free(out);
}

Test(log, terminal_escapes_and_other_controls_are_shown_as_hex)
{
	char *out = logged("a\x1b[31mred\r\tb\x7f");

	cr_assert_not_null(strstr(out, "a\\x1b[31mred\\x0d\\tb\\x7f\n"), "%s",
	    out);
	free(out);
}

Test(log, plain_text_and_utf8_are_unchanged)
{
	char *out = logged("judged #12 two-sum: AC caf\xc3\xa9");

	cr_assert_not_null(strstr(out, " info: judged #12 two-sum: AC caf\xc3\xa9\n"),
	    "%s", out);
	free(out);
}
