/*
 * server/credentials.c -- password hashes, tokens; see credentials.h.
 */
#include "server/credentials.h"

#include <errno.h>
#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/log.h"

/* How long a caller waits for a hashing slot before giving up. */
#define HASH_WAIT_S 10

static unsigned long long ops_limit;
static size_t		  mem_limit;
static sem_t		  slots;
static bool		  ready;
/* A real hash of a random password, for unknown users. */
static char dummy[CRED_HASH_MAX];

int
cred_cost_parse(const char *s, enum cred_cost *out)
{
	if (strcmp(s, "interactive") == 0)
		*out = CRED_COST_INTERACTIVE;
	else if (strcmp(s, "moderate") == 0)
		*out = CRED_COST_MODERATE;
	else if (strcmp(s, "min") == 0)
		*out = CRED_COST_MIN;
	else
		return -1;
	return 0;
}

int
cred_init(enum cred_cost cost, int max_hashing, bool verifier)
{
	char pw[CRED_TOKEN_MAX];

	if (sodium_init() < 0) {
		log_warnx("credentials: libsodium cannot start");
		return -1;
	}
	switch (cost) {
	case CRED_COST_INTERACTIVE:
		ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
		break;
	case CRED_COST_MODERATE:
		ops_limit = crypto_pwhash_OPSLIMIT_MODERATE;
		mem_limit = crypto_pwhash_MEMLIMIT_MODERATE;
		break;
	case CRED_COST_MIN:
		ops_limit = crypto_pwhash_OPSLIMIT_MIN;
		mem_limit = crypto_pwhash_MEMLIMIT_MIN;
		break;
	}
	if (ready)
		sem_destroy(&slots);
	sem_init(&slots, 0, (unsigned)(max_hashing > 0 ? max_hashing : 1));
	ready = true;
	if (!verifier)
		return 0;
	cred_token("", pw);
	if (cred_hash(pw, strlen(pw), dummy) != 0)
		return -1;
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

/* Take a hashing slot: 0, or -1 when none came free in time. */
static int
slot_take(void)
{
	struct timespec dl;

	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += HASH_WAIT_S;
	while (sem_timedwait(&slots, &dl) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int
cred_hash(const char *pw, size_t len, char *out)
{
	int rc;

	if (!ready || slot_take() != 0) {
		log_warnx("credentials: no hashing slot came free");
		return -1;
	}
	rc = crypto_pwhash_str_alg(out, pw, len, ops_limit, mem_limit,
	    crypto_pwhash_ALG_ARGON2ID13);
	sem_post(&slots);
	if (rc != 0)
		log_warnx("credentials: cannot hash a password (memory?)");
	return rc == 0 ? 0 : -1;
}

bool
cred_verify(const char *hash, const char *pw, size_t len, bool *busy)
{
	bool ok;

	if (busy != NULL)
		*busy = false;
	if (!ready || slot_take() != 0) {
		if (busy != NULL)
			*busy = true;
		return false;
	}
	/* The dummy is verified fully, so unknown users take as long. */
	ok = crypto_pwhash_str_verify(hash != NULL ? hash : dummy, pw, len) ==
	     0;
	sem_post(&slots);
	return ok && hash != NULL;
}

void
cred_token(const char *prefix, char out[CRED_TOKEN_MAX])
{
	unsigned char raw[CRED_TOKEN_BYTES];
	size_t	      n = strlen(prefix);

	randombytes_buf(raw, sizeof(raw));
	if (n > CRED_TOKEN_MAX - 2 * CRED_TOKEN_BYTES - 1)
		n = CRED_TOKEN_MAX - 2 * CRED_TOKEN_BYTES - 1;
	memcpy(out, prefix, n);
	sodium_bin2hex(out + n, CRED_TOKEN_MAX - n, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

void
cred_digest(const char *token, char out[CRED_DIGEST_MAX])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, CRED_DIGEST_MAX, h, sizeof(h));
}

bool
cred_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n != strlen(b))
		return false;
	return sodium_memcmp(a, b, n) == 0;
}

bool
cred_valid_name(const char *s)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++) {
		char c = s[n];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || c == '_' || c == '.' ||
			c == '-'))
			return false;
		if (n > CRED_NAME_MAX)
			return false;
	}
	return n >= CRED_NAME_MIN && n <= CRED_NAME_MAX;
}

const char *
cred_password_problem(const char *pw, size_t len)
{
	if (len < CRED_PASSWORD_MIN)
		return "the password must be at least 8 bytes long";
	if (len > CRED_PASSWORD_MAX)
		return "the password must be at most 256 bytes long";
	if (memchr(pw, '\0', len) != NULL)
		return "the password contains a NUL byte";
	return NULL;
}

/* Strip a default port (":80" for http, ":443" for https) off hp. */
static size_t
host_len(const char *hp, size_t n, bool https)
{
	if (!https && n > 3 && memcmp(hp + n - 3, ":80", 3) == 0)
		return n - 3;
	if (https && n > 4 && memcmp(hp + n - 4, ":443", 4) == 0)
		return n - 4;
	return n;
}

bool
cred_same_origin(const char *origin, const char *host)
{
	const char *hp;
	size_t	    on, hn;
	bool	    https;

	if (origin == NULL || host == NULL)
		return false;
	if (strncasecmp(origin, "http://", 7) == 0) {
		hp = origin + 7;
		https = false;
	} else if (strncasecmp(origin, "https://", 8) == 0) {
		hp = origin + 8;
		https = true;
	} else {
		return false; /* "null", another scheme */
	}
	on = strlen(hp);
	if (on == 0 || strchr(hp, '/') != NULL)
		return false;
	on = host_len(hp, on, https);
	hn = host_len(host, strlen(host), https);
	return on == hn && strncasecmp(hp, host, on) == 0;
}
