/*
 * tests/unit/judge/test_validator.c -- the Kattis default validator
 * (src/judge/validator.c): every case of the reference's own test data
 * (KATTIS_CASES, set by meson, or $GAVEL_KATTIS_CASES), then one test per
 * rule.
 */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/validator.h"

#ifndef KATTIS_CASES
#define KATTIS_CASES "../shared/data/kattis-default-validator-cases"
#endif

/*** Helpers ***/

/* Run the validator on two C strings with the flags in `flags`. */
static int
check(const char *ans, const char *out, const char *flags, char *msg,
    size_t msglen)
{
	struct validator_flags f;
	char		       err[128];

	cr_assert_eq(validator_parse_flags(flags, &f, err, sizeof(err)), 0,
	    "flags \"%s\": %s", flags, err);
	return validator_check(ans, strlen(ans), out, strlen(out), &f, msg,
	    msglen);
}

static int
ok(const char *ans, const char *out, const char *flags)
{
	char msg[256];

	return check(ans, out, flags, msg, sizeof(msg));
}

/* Read a whole file; NULL if it does not exist. Caller frees. */
static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char   path[4096];
	FILE  *fp;
	char  *buf = NULL;
	size_t cap = 0, n = 0, r;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "rb");
	if (fp == NULL) {
		cr_assert_eq(errno, ENOENT, "%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
		r = fread(buf + n, 1, cap - n - 1, fp);
		n += r;
	} while (r > 0);
	cr_assert(!ferror(fp), "%s: read error", path);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* True if msg is valid UTF-8 (a NUL-terminated string). */
static bool
valid_utf8(const char *msg)
{
	const unsigned char *s = (const unsigned char *)msg;

	while (*s) {
		size_t k, i;

		if (*s < 0x80)
			k = 1;
		else if (*s >= 0xc2 && *s <= 0xdf)
			k = 2;
		else if (*s >= 0xe0 && *s <= 0xef)
			k = 3;
		else if (*s >= 0xf0 && *s <= 0xf4)
			k = 4;
		else
			return false;
		for (i = 1; i < k; i++)
			if ((s[i] & 0xc0) != 0x80)
				return false;
		s += k;
	}
	return true;
}

/*** The reference's cases ***/

Test(validator_kattis, every_reference_case_agrees, .timeout = 30)
{
	const char    *root = getenv("GAVEL_KATTIS_CASES");
	DIR	      *d;
	struct dirent *e;
	int	       ncases = 0, nbad = 0;

	if (root == NULL)
		root = KATTIS_CASES;
	d = opendir(root);
	cr_assert_not_null(d, "cannot open %s: %s", root, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		char		       dir[4096], msg[512], err[256];
		char		      *ans, *out, *args, *code;
		size_t		       alen = 0, olen = 0, glen = 0, clen = 0;
		struct validator_flags f;
		int		       want, got;

		if (strncmp(e->d_name, "test_", 5) != 0)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", root, e->d_name);
		ans = slurp(dir, "judge.ans", &alen);
		out = slurp(dir, "user.out", &olen);
		args = slurp(dir, "args.txt", &glen);
		code = slurp(dir, "expected_exit_code.txt", &clen);
		cr_assert(ans && out && code, "%s: incomplete case", dir);
		want = atoi(code);
		cr_assert(want == VALIDATOR_EXIT_AC ||
		    want == VALIDATOR_EXIT_WA, "%s: exit code %d", dir, want);

		cr_assert_eq(validator_parse_flags(args, &f, err, sizeof(err)),
		    0, "%s: flags: %s", e->d_name, err);
		got = validator_check(ans, alen, out, olen, &f, msg,
		    sizeof(msg)) ? VALIDATOR_EXIT_AC : VALIDATOR_EXIT_WA;
		cr_expect_eq(got, want, "%s: got %d, reference %d (%s)",
		    e->d_name, got, want, msg);
		cr_expect(valid_utf8(msg), "%s: message not UTF-8",
		    e->d_name);
		if (got == VALIDATOR_EXIT_WA)
			cr_expect(msg[0] != '\0', "%s: no reason given",
			    e->d_name);
		nbad += got != want;
		ncases++;
		free(ans);
		free(out);
		free(args);
		free(code);
	}
	closedir(d);
	cr_assert_geq(ncases, 24, "only %d cases found in %s", ncases, root);
	cr_assert_eq(nbad, 0);
}

/*** Tokens and whitespace ***/

Test(validator_tokens, identical_is_accepted)
{
	cr_assert(ok("hello world\n", "hello world\n", ""));
}

Test(validator_tokens, amount_and_kind_of_whitespace_is_ignored)
{
	cr_assert(ok("a b\nc\n", "  a\t\tb c", ""));
	cr_assert(ok("1 2\n", "1\r\n2\r\n", ""));
	cr_assert(ok("x y", "x\vy\f", ""));
}

Test(validator_tokens, different_token_is_rejected)
{
	cr_assert_not(ok("hello world", "hello there", ""));
	cr_assert_not(ok("ab", "a b", ""));
	cr_assert_not(ok("a b", "ab", ""));
}

Test(validator_tokens, default_is_case_insensitive_ascii_only)
{
	cr_assert(ok("Hello WORLD", "hello world", ""));
	/* strcasecmp in the C locale folds ASCII only. */
	cr_assert_not(ok("\xc3\x89t\xc3\xa9", "\xc3\xa9t\xc3\xa9", ""));
}

Test(validator_tokens, case_sensitive_compares_bytes)
{
	cr_assert(ok("Hello", "Hello", "case_sensitive"));
	cr_assert_not(ok("Hello", "hello", "case_sensitive"));
}

Test(validator_tokens, trailing_output_is_rejected)
{
	char msg[256];

	cr_assert_not(check("Hello", "Hello World", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "line 1: trailing output \"World\"");
	cr_assert(ok("Hello", "Hello\n\n  \n", ""));
}

Test(validator_tokens, short_output_is_rejected)
{
	char msg[256];

	cr_assert_not(check("1\n2\n3\n", "1\n2\n", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "line 3: output ended early, expected \"3\"");
}

Test(validator_tokens, empty_output)
{
	char msg[256];

	cr_assert(ok("", "", ""));
	cr_assert(ok("\n", "", ""));
	cr_assert(ok("", " \n ", ""));
	cr_assert_not(check("Hello", "", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "output is empty, expected \"Hello\"");
	cr_assert_not(check("Hello", " \n", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "output holds only whitespace, expected "
	    "\"Hello\"");
	cr_assert_not(ok("", "x", ""));
}

Test(validator_tokens, null_pointer_with_zero_length)
{
	cr_assert(validator_check(NULL, 0, NULL, 0, NULL, NULL, 0));
	cr_assert_not(validator_check("a", 1, NULL, 0, NULL, NULL, 0));
}

Test(validator_tokens, nul_bytes_are_token_bytes)
{
	cr_assert(validator_check("a\0b", 3, "a\0b", 3, NULL, NULL, 0));
	cr_assert_not(validator_check("a\0b", 3, "a\0c", 3, NULL, NULL, 0));
	cr_assert_not(validator_check("a", 1, "a\0", 2, NULL, NULL, 0));
	cr_assert_not(validator_check("a\0", 2, "a \0", 3, NULL, NULL, 0));
}

Test(validator_tokens, reason_names_the_output_line)
{
	char msg[256];

	cr_assert_not(check("1\n2\n5\n", "1\n2\n6\n", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "line 3: expected \"5\", got \"6\"");
}

Test(validator_tokens, reason_is_cut_escaped_and_utf8)
{
	char msg[256], tiny[12];
	char out[400];
	int  i;

	/* 100 rockets (4 bytes each) cut after a few dozen bytes. */
	strcpy(out, "x");
	for (i = 0; i < 90; i++)
		strcat(out, "\xf0\x9f\x9a\x80");
	cr_assert_not(check("y", out, "", msg, sizeof(msg)));
	cr_assert(valid_utf8(msg), "%s", msg);
	cr_assert_not_null(strstr(msg, "..."), "%s", msg);
	cr_assert_lt(strlen(msg), 200);

	/* A tiny buffer cuts the message, never a character. */
	cr_assert_not(check("y", out, "", tiny, sizeof(tiny)));
	cr_assert(valid_utf8(tiny), "%s", tiny);

	/* Control and invalid bytes are escaped, quotes too. */
	cr_assert_not(check("a", "\x01\xff\"", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg,
	    "line 1: expected \"a\", got \"\\x01\\xff\\\"\"");
}

Test(validator_tokens, accepted_leaves_empty_message)
{
	char msg[16] = "junk";

	cr_assert(check("a", "a", "", msg, sizeof(msg)));
	cr_assert_str_eq(msg, "");
}

/*** space_change_sensitive ***/

Test(validator_space, identical_whitespace_is_accepted)
{
	cr_assert(ok("a b\n c\n", "a b\n c\n", "space_change_sensitive"));
	cr_assert(ok("", "", "space_change_sensitive"));
}

Test(validator_space, any_whitespace_change_is_rejected)
{
	const char *f = "space_change_sensitive";

	cr_assert_not(ok("a b\n", "a  b\n", f));
	cr_assert_not(ok("a b\n", "a\tb\n", f));
	cr_assert_not(ok("a\n", "a", f));   /* missing final newline */
	cr_assert_not(ok("a", "a\n", f));   /* extra final newline */
	cr_assert_not(ok("a\n", "a\r\n", f)); /* CRLF */
	cr_assert_not(ok("a", " a", f));    /* leading space */
	cr_assert_not(ok("", "\n", f));
}

Test(validator_space, still_case_insensitive_unless_told)
{
	cr_assert(ok("A b\n", "a B\n", "space_change_sensitive"));
	cr_assert_not(ok("A b\n", "a B\n",
	    "space_change_sensitive case_sensitive"));
}

Test(validator_space, reason_shows_the_runs)
{
	char msg[256];

	cr_assert_not(check("a\nb", "a b", "space_change_sensitive", msg,
	    sizeof(msg)));
	cr_assert_str_eq(msg,
	    "line 1: whitespace differs: expected \"\\n\", got \" \"");
}

/*** Floats ***/

Test(validator_float, absolute_tolerance)
{
	cr_assert(ok("1", "1.4", "float_absolute_tolerance 0.5"));
	cr_assert(ok("1", "0.5", "float_absolute_tolerance 0.5"));
	cr_assert_not(ok("1", "1.4", "float_absolute_tolerance 0.1"));
	/* Relative error alone does not count here. */
	cr_assert_not(ok("1000", "1000.5", "float_absolute_tolerance 0.1"));
}

Test(validator_float, relative_tolerance)
{
	cr_assert(ok("100", "105", "float_relative_tolerance 0.1"));
	cr_assert_not(ok("100", "105", "float_relative_tolerance 0.01"));
	cr_assert(ok("-100", "-109", "float_relative_tolerance 0.1"));
	/* Relative to the answer's value: 0 needs an exact 0. */
	cr_assert_not(ok("0", "1e-300", "float_relative_tolerance 0.5"));
	cr_assert(ok("0", "-0.0", "float_relative_tolerance 0.5"));
}

Test(validator_float, float_tolerance_is_absolute_or_relative)
{
	const char *f = "float_tolerance 1e-6";

	cr_assert(ok("0.0000001", "0.0000005", f)); /* absolute */
	cr_assert(ok("1e12", "1000000100000", f));  /* relative */
	cr_assert_not(ok("1e12", "1000010000000", f));
	cr_assert(ok("1", "1.1", "float_tolerance 0.5"));
	cr_assert_not(ok("1", "1.50001", "float_tolerance 0.5"));
}

Test(validator_float, both_tolerances_accept_either)
{
	const char *f = "float_absolute_tolerance 0.5 "
			"float_relative_tolerance 0.001";

	cr_assert(ok("1000", "1000.9", f));   /* relative */
	cr_assert(ok("0.1", "0.5", f));       /* absolute */
	cr_assert_not(ok("1000", "1002", f));
}

Test(validator_float, forms_of_numbers)
{
	const char *f = "float_absolute_tolerance 1e-9";

	cr_assert(ok("8", "0x1p3", f));  /* hex float, as strtod */
	cr_assert(ok("0.5", ".5", f));
	cr_assert(ok("2", "+2.000", f));
	cr_assert(ok("100", "1E2", f));
	cr_assert(ok("1e-400", "0", f)); /* underflow is finite */
}

Test(validator_float, dangling_exponent_reads_as_the_reference_does)
{
	const char *f = "float_absolute_tolerance 1e-9";

	/* glibc's sscanf, which the reference uses, takes "1e" as 1. */
	cr_assert(ok("1", "1e", f));
	cr_assert(ok("+1", "1e+", f));
	cr_assert(ok("2.5", "2.5E-", f));
	cr_assert(ok("0", "0x.", f));
	cr_assert_not(ok("1", "1ex", f));
	cr_assert_not(ok("0", "0x", f));
	cr_assert_not(ok("1", "1..", f));
}

Test(validator_float, output_must_be_a_finite_float)
{
	const char *f = "float_tolerance 0.5";
	char	    msg[256];

	cr_assert_not(check("1", "1.4abc", f, msg, sizeof(msg)));
	cr_assert_str_eq(msg,
	    "line 1: expected a number near \"1\", got \"1.4abc\"");
	cr_assert_not(ok("1", "inf", f));
	cr_assert_not(ok("1", "nan", f));
	cr_assert_not(ok("1", "1e999", f));
	cr_assert_not(ok("1", "one", f));
	cr_assert_not(ok("1", "1,0", f));
	cr_assert_not(validator_check("1", 1, "1\0", 2, NULL, NULL, 0));
}

Test(validator_float, non_finite_answers_compare_as_strings)
{
	const char *f = "float_tolerance 0.5";

	cr_assert_not(ok("inf", "0", f));
	cr_assert_not(ok("inf", "1e999", f));
	cr_assert(ok("inf", "INF", f));
	cr_assert(ok("NaN", "nan", f));
	cr_assert(ok("nan", "nan", "case_sensitive float_tolerance 1"));
	cr_assert_not(ok("nan", "NaN", "case_sensitive float_tolerance 1"));
	cr_assert(ok("1e999", "1E999", f));
	cr_assert_not(ok("1e999", "1e998", f));
}

Test(validator_float, text_tokens_compare_as_strings)
{
	const char *f = "float_tolerance 0.5";

	cr_assert(ok("PI is 3.14", "pi IS 3.0", f));
	cr_assert_not(ok("PI is 3.14", "PA is 3.14", f));
	cr_assert(ok("Case #1: 2.5", "case #1: 2.6", f));
}

Test(validator_float, without_tolerance_numbers_are_strings)
{
	cr_assert_not(ok("1", "1.0", ""));
	cr_assert(ok("1.0", "1.0", ""));
	cr_assert(ok("0x1F", "0X1f", ""));
}

Test(validator_float, reason_gives_the_difference)
{
	char msg[256];

	cr_assert_not(check("1", "1.5", "float_absolute_tolerance 0.1", msg,
	    sizeof(msg)));
	cr_assert_str_eq(msg, "line 1: expected \"1\", got \"1.5\" "
	    "(difference 0.5 is beyond the tolerance)");
}

/*** Flags ***/

Test(validator_flags, defaults)
{
	struct validator_flags f;

	cr_assert_eq(validator_parse_flags(NULL, &f, NULL, 0), 0);
	cr_assert_not(f.case_sensitive);
	cr_assert_not(f.space_change_sensitive);
	cr_assert_lt(f.float_abs_tol, 0);
	cr_assert_lt(f.float_rel_tol, 0);
	cr_assert_eq(validator_parse_flags(" \n", &f, NULL, 0), 0);
}

Test(validator_flags, all_flags)
{
	struct validator_flags f;

	cr_assert_eq(validator_parse_flags("case_sensitive\tspace_change_"
	    "sensitive\nfloat_absolute_tolerance 1e-6 "
	    "float_relative_tolerance 0.25", &f, NULL, 0), 0);
	cr_assert(f.case_sensitive);
	cr_assert(f.space_change_sensitive);
	cr_assert_float_eq(f.float_abs_tol, 1e-6, 1e-15);
	cr_assert_float_eq(f.float_rel_tol, 0.25, 1e-15);

	cr_assert_eq(validator_parse_flags("float_tolerance 0.5", &f, NULL,
	    0), 0);
	cr_assert_float_eq(f.float_abs_tol, 0.5, 1e-15);
	cr_assert_float_eq(f.float_rel_tol, 0.5, 1e-15);
}

Test(validator_flags, bad_flags_are_refused)
{
	struct validator_flags f;
	char		       err[128];

	cr_assert_eq(validator_parse_flags("case_sensitive bogus", &f, err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err, "unknown validator flag \"bogus\"");
	cr_assert_not(f.case_sensitive, "left at the defaults");
	cr_assert_eq(validator_parse_flags("float_tolerance", &f, err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err, "float_tolerance: missing value");
	cr_assert_eq(validator_parse_flags("float_tolerance abc", &f, err,
	    sizeof(err)), -1);
	cr_assert_eq(validator_parse_flags("float_absolute_tolerance inf", &f,
	    err, sizeof(err)), -1);
	cr_assert_eq(validator_parse_flags("float_relative_tolerance nan", &f,
	    NULL, 0), -1);
	cr_assert_eq(validator_parse_flags("Case_Sensitive", &f, NULL, 0),
	    -1);
}

Test(validator_flags, argv_style)
{
	struct validator_flags f;
	char		      *good[] = { "float_tolerance", "1e-4",
		       "case_sensitive" };
	char		      *bad[] = { "float_tolerance" };

	cr_assert_eq(validator_parse_argv(3, good, &f, NULL, 0), 0);
	cr_assert(f.case_sensitive);
	cr_assert_float_eq(f.float_abs_tol, 1e-4, 1e-15);
	cr_assert_eq(validator_parse_argv(1, bad, &f, NULL, 0), -1);
	cr_assert_eq(validator_parse_argv(0, NULL, &f, NULL, 0), 0);
}

Test(validator_flags, negative_tolerance_disables_floats)
{
	/* As the reference: a tolerance below 0 means "not set". */
	cr_assert_not(ok("1", "1.0", "float_tolerance -1"));
}

/*** Size ***/

/* Fill buf with n copies of tok followed by sep. Returns the length. */
static size_t
repeat(char *buf, const char *tok, const char *sep, size_t n)
{
	size_t tl = strlen(tok), sl = strlen(sep), i, o = 0;

	for (i = 0; i < n; i++) {
		memcpy(buf + o, tok, tl);
		o += tl;
		memcpy(buf + o, sep, sl);
		o += sl;
	}
	return o;
}

Test(validator_size, megabytes_in_linear_time, .timeout = 20)
{
	const size_t	       n = 1000000;
	char		      *a = malloc(n * 12), *o = malloc(n * 12);
	size_t		       al, ol;
	struct validator_flags f;

	cr_assert(a && o);
	al = repeat(a, "3.14159", "\n", n);
	ol = repeat(o, "3.141591", " ", n);
	cr_assert_eq(validator_parse_flags("float_tolerance 1e-5", &f, NULL,
	    0), 0);
	cr_assert(validator_check(a, al, o, ol, &f, NULL, 0));
	validator_flags_default(&f);
	cr_assert_not(validator_check(a, al, o, ol, &f, NULL, 0));

	/* One token of 8 MB, differing in its last byte. */
	memset(a, 'x', 8000000);
	memset(o, 'x', 8000000);
	o[7999999] = 'y';
	cr_assert_not(validator_check(a, 8000000, o, 8000000, &f, NULL, 0));
	cr_assert(validator_check(a, 8000000, a, 8000000, &f, NULL, 0));
	free(a);
	free(o);
}

Test(validator_size, long_numeric_token, .timeout = 20)
{
	const size_t	       n = 4000000;
	char		      *a = malloc(n + 2);
	struct validator_flags f;

	cr_assert_not_null(a);
	a[0] = '0';
	a[1] = '.';
	memset(a + 2, '5', n);
	cr_assert_eq(validator_parse_flags("float_tolerance 1e-9", &f, NULL,
	    0), 0);
	cr_assert(validator_check(a, n + 2, "0.5555555555555", 15, &f, NULL,
	    0));
	free(a);
}
