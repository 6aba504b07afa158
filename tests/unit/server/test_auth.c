/*
 * tests/unit/server/test_auth.c -- the pieces of accounts that need no
 * HTTP: password hashes and tokens (src/server/credentials.c), the
 * same-origin check, the leaky-bucket limiter (limit.c).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "server/credentials.h"
#include "server/limit.h"

static void
init(void)
{
	cr_assert_eq(cred_init(CRED_COST_MIN, 2, true), 0);
}

TestSuite(cred, .init = init);

Test(cred, hash_and_verify)
{
	char h[CRED_HASH_MAX], h2[CRED_HASH_MAX];
	bool busy;

	cr_assert_eq(cred_hash("correct horse", 13, h), 0);
	cr_assert(strncmp(h, "$argon2id$", 10) == 0, "%s", h);
	cr_assert(strstr(h, "correct") == NULL);
	cr_assert(cred_verify(h, "correct horse", 13, &busy));
	cr_assert_not(busy);
	cr_assert_not(cred_verify(h, "correct horsf", 13, NULL));
	cr_assert_not(cred_verify(h, "correct hors", 12, NULL));
	/* Salted: the same password hashes differently. */
	cr_assert_eq(cred_hash("correct horse", 13, h2), 0);
	cr_assert_str_neq(h, h2);
	/* Unknown user: the dummy hash, always false. */
	cr_assert_not(cred_verify(NULL, "correct horse", 13, &busy));
	cr_assert_not(busy);
	cr_assert_not(cred_verify("garbage", "x", 1, NULL));
}

Test(cred, interactive_cost_is_the_default_strength)
{
	char h[CRED_HASH_MAX];

	cr_assert_eq(cred_init(CRED_COST_INTERACTIVE, 1, false), 0);
	cr_assert_eq(cred_hash("password1", 9, h), 0);
	/* libsodium's interactive limits: 64 MiB, 2 passes. */
	cr_assert(strstr(h, "m=65536,t=2") != NULL, "%s", h);
	cr_assert(cred_verify(h, "password1", 9, NULL));
}

Test(cred, cost_names)
{
	enum cred_cost c;

	cr_assert_eq(cred_cost_parse("interactive", &c), 0);
	cr_assert_eq(c, CRED_COST_INTERACTIVE);
	cr_assert_eq(cred_cost_parse("min", &c), 0);
	cr_assert_eq(c, CRED_COST_MIN);
	cr_assert_eq(cred_cost_parse("moderate", &c), 0);
	cr_assert_eq(cred_cost_parse("", &c), -1);
	cr_assert_eq(cred_cost_parse("MIN", &c), -1);
}

Test(cred, tokens_are_random_and_hashed)
{
	char a[CRED_TOKEN_MAX], b[CRED_TOKEN_MAX];
	char da[CRED_DIGEST_MAX], da2[CRED_DIGEST_MAX], db[CRED_DIGEST_MAX];

	cred_token("gvl_", a);
	cred_token("gvl_", b);
	cr_assert_eq(strlen(a), 4 + 64);
	cr_assert(strncmp(a, "gvl_", 4) == 0);
	cr_assert_str_neq(a, b);
	cred_digest(a, da);
	cred_digest(a, da2);
	cred_digest(b, db);
	cr_assert_eq(strlen(da), 64);
	cr_assert_str_eq(da, da2);
	cr_assert_str_neq(da, db);
	cr_assert(strstr(da, a + 4) == NULL);
	cr_assert(cred_equal(a, a));
	cr_assert_not(cred_equal(a, b));
	cr_assert_not(cred_equal("abc", "abcd"));
	cr_assert_not(cred_equal("", "a"));
}

Test(cred, names_and_passwords)
{
	cr_assert(cred_valid_name("ada"));
	cr_assert(cred_valid_name("Ada_Lovelace.1815-x"));
	cr_assert(cred_valid_name("abcdefghijklmnopqrstuvwxyz012345"));
	cr_assert_not(cred_valid_name("abcdefghijklmnopqrstuvwxyz0123456"));
	cr_assert_not(cred_valid_name("ab"));
	cr_assert_not(cred_valid_name(""));
	cr_assert_not(cred_valid_name("a b c"));
	cr_assert_not(cred_valid_name("ad\xc3\xa9"));
	cr_assert_not(cred_valid_name("a/b/c"));
	cr_assert_not(cred_valid_name("ab'c"));
	cr_assert_null(cred_password_problem("12345678", 8));
	cr_assert_not_null(cred_password_problem("1234567", 7));
	cr_assert_not_null(cred_password_problem("1234\0" "5678", 9));
	{
		char big[300];

		memset(big, 'x', sizeof(big));
		cr_assert_null(cred_password_problem(big, 256));
		cr_assert_not_null(cred_password_problem(big, 257));
	}
}

Test(origin, same_origin)
{
	cr_assert(cred_same_origin("http://localhost:8080", "localhost:8080"));
	cr_assert(cred_same_origin("HTTP://LocalHost:8080", "localhost:8080"));
	cr_assert(cred_same_origin("https://judge.example", "judge.example"));
	cr_assert(cred_same_origin("https://judge.example",
	    "judge.example:443"));
	cr_assert(cred_same_origin("http://judge.example:80", "judge.example"));
	cr_assert(cred_same_origin("http://[::1]:8080", "[::1]:8080"));
	cr_assert_not(cred_same_origin("http://evil.example", "judge.example"));
	cr_assert_not(cred_same_origin("http://judge.example.evil",
	    "judge.example"));
	cr_assert_not(cred_same_origin("http://judge.example:8081",
	    "judge.example:8080"));
	cr_assert_not(cred_same_origin("https://judge.example:80",
	    "judge.example"));
	cr_assert_not(cred_same_origin("null", "judge.example"));
	cr_assert_not(cred_same_origin("http://", ""));
	cr_assert_not(cred_same_origin("ftp://judge.example", "judge.example"));
	cr_assert_not(cred_same_origin("http://judge.example/x",
	    "judge.example"));
	cr_assert_not(cred_same_origin("http://judge.example", NULL));
	cr_assert_not(cred_same_origin(NULL, "judge.example"));
}

Test(limit, burst_then_rate)
{
	struct limiter *l = limiter_new(3, 1.0 / 10, 100); /* 1 per 10 s */

	cr_assert_eq(limiter_take(l, "u", 0), 0);
	cr_assert_eq(limiter_take(l, "u", 0), 0);
	cr_assert_eq(limiter_take(l, "u", 0), 0);
	cr_assert_eq(limiter_take(l, "u", 0), 10);
	cr_assert_eq(limiter_wait(l, "u", 0), 10);
	cr_assert_eq(limiter_take(l, "u", 4000), 6, "refused: nothing counted");
	cr_assert_eq(limiter_take(l, "v", 4000), 0, "keys are apart");
	cr_assert_eq(limiter_take(l, "u", 10000), 0);
	cr_assert_eq(limiter_take(l, "u", 10000), 10);
	limiter_refund(l, "u");
	cr_assert_eq(limiter_take(l, "u", 10000), 0);
	limiter_reset(l, "u");
	cr_assert_eq(limiter_wait(l, "u", 10000), 0);
	cr_assert_eq(limiter_wait(l, "never", 0), 0);
	limiter_free(l);
}

Test(limit, keys_are_bounded)
{
	struct limiter *l = limiter_new(1, 1, 10);
	char		key[16];
	int		i;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		cr_assert_eq(limiter_take(l, key, 0), 0);
		cr_assert_leq(limiter_size(l), 10);
	}
	/* Drained buckets go first: a fresh key fits after a second. */
	cr_assert_eq(limiter_take(l, "k999", 0), 1);
	cr_assert_eq(limiter_take(l, "late", 2000), 0);
	cr_assert_leq(limiter_size(l), 10);
	limiter_free(l);
}
