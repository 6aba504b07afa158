/*
 * server/credentials.h -- the secrets of accounts: Argon2id password
 * hashes (libsodium's crypto_pwhash_str), random session and API tokens,
 * and the hashes under which the store keeps them. Shared by the server
 * and `gavel user`.
 *
 * Hashing a password takes CRED_COST_INTERACTIVE's 64 MiB and a good part
 * of a second of one core, so at most a few run at once: callers beyond
 * that wait (up to a few seconds, then fail), and a burst of logins
 * cannot exhaust memory.
 */
#ifndef GAVEL_SERVER_CREDENTIALS_H
#define GAVEL_SERVER_CREDENTIALS_H

#include <stdbool.h>
#include <stddef.h>

enum cred_cost {
	CRED_COST_INTERACTIVE, /* libsodium's interactive limits: the default */
	CRED_COST_MODERATE,    /* 256 MiB, slower */
	CRED_COST_MIN,	       /* the minimum: for tests only */
};

#define CRED_HASH_MAX	 128 /* >= crypto_pwhash_STRBYTES */
#define CRED_TOKEN_BYTES 32  /* of randomness in a token */
#define CRED_TOKEN_MAX	 80  /* a token as text, with its prefix and NUL */
#define CRED_DIGEST_MAX	 65  /* a token's hash as hex, with NUL */

#define CRED_NAME_MIN 3
#define CRED_NAME_MAX 32
#define CRED_PASSWORD_MIN 8
#define CRED_PASSWORD_MAX 256

/*
 * Initialise libsodium and choose the cost of new hashes; concurrent
 * hashes are bounded by max_hashing (>= 1). With verifier, also make the
 * dummy hash that cred_verify() checks unknown users against (a server
 * needs it; `gavel user` does not). 0, or -1 when libsodium cannot start.
 * cred_cost_parse() reads "interactive", "moderate", "min": 0 or -1.
 */
int  cred_init(enum cred_cost cost, int max_hashing, bool verifier);
int  cred_cost_parse(const char *s, enum cred_cost *out);

/* Hash a password into out (CRED_HASH_MAX bytes). 0, or -1 (busy, memory). */
int  cred_hash(const char *pw, size_t len, char *out);
/*
 * Whether pw matches hash. With hash NULL, spends the time a real check
 * would (on a dummy hash) and answers false: unknown users cost the same.
 * *busy (may be NULL) tells a refusal for load apart from a mismatch.
 */
bool cred_verify(const char *hash, const char *pw, size_t len, bool *busy);

/* A new random token as text: prefix + 64 hex digits. */
void cred_token(const char *prefix, char out[CRED_TOKEN_MAX]);
/* The hash a token is stored under (BLAKE2b-256, hex). */
void cred_digest(const char *token, char out[CRED_DIGEST_MAX]);
/* Constant-time equality of two strings. */
bool cred_equal(const char *a, const char *b);

/*
 * Whether origin (an Origin header: scheme://host[:port]) names the site
 * at host (the Host header), default ports aside. "null" never does.
 */
bool cred_same_origin(const char *origin, const char *host);

/* Usernames: CRED_NAME_MIN..CRED_NAME_MAX of [A-Za-z0-9_.-]. */
bool cred_valid_name(const char *s);
/* NULL when a password of len bytes is acceptable, else why not. */
const char *cred_password_problem(const char *pw, size_t len);

#endif
