/*
 * cli/user.c -- `gavel user`: manage accounts on the command line, so
 * that the first administrator exists without the web. Built into the
 * gavel-serve module (it needs the store and libsodium); see
 * cli/serve_loader.c.
 *
 *   gavel user add NAME [--admin] [--password-file FILE]
 *   gavel user passwd NAME [--password-file FILE]
 *   gavel user list | disable NAME | enable NAME
 *
 * Without --password-file the password is read from standard input:
 * typed twice without echo on a terminal, else its first line.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "server/credentials.h"
#include "server/server.h"
#include "store/store.h"
#include "util/log.h"

#define LINE_MAX_PW (CRED_PASSWORD_MAX + 2)

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: gavel user COMMAND [OPTIONS]\n\n"
	    "Manage the accounts of a Gavel database.\n\n"
	    "commands:\n"
	    "  add NAME [--admin] [--password-file FILE]   create a user\n"
	    "  passwd NAME [--password-file FILE]          set a password "
	    "(ends the user's sessions)\n"
	    "  list                                        list the users\n"
	    "  disable NAME                                refuse a user "
	    "(ends the sessions)\n"
	    "  enable NAME                                 accept a user again\n"
	    "\noptions:\n"
	    "  --db PATH            the database (GAVEL_DB; gavel.db, as for "
	    "gavel serve)\n"
	    "  --password-file FILE read the password from the first line of "
	    "FILE\n"
	    "                       (default: standard input; typed twice, "
	    "unechoed, on a terminal)\n"
	    "  --admin              (add) make the user an administrator\n"
	    "  --pwhash-cost COST   interactive (default), moderate, or min "
	    "(tests only: weak)\n");
}

/* Read one line (without its newline) of at most LINE_MAX_PW bytes. */
static int
read_line(FILE *f, char *buf, size_t n, size_t *len)
{
	size_t k;

	if (fgets(buf, (int)n, f) == NULL)
		return -1;
	k = strlen(buf);
	if (k > 0 && buf[k - 1] == '\n')
		buf[--k] = '\0';
	else if (!feof(f)) {
		fprintf(stderr, "gavel user: the password is longer than %d "
				"bytes\n",
		    CRED_PASSWORD_MAX);
		return -1;
	}
	if (k > 0 && buf[k - 1] == '\r')
		buf[--k] = '\0';
	*len = k;
	return 0;
}

/* One line from the terminal, not echoed. */
static int
ask(const char *prompt, char *buf, size_t n, size_t *len)
{
	struct termios old, quiet;
	int	       rc;

	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, buf, n, len);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fprintf(stderr, "\n");
	return rc;
}

/* The new password: from file, the terminal (twice) or stdin. */
static int
get_password(const char *file, const char *name, char *pw, size_t *len)
{
	char	    again[LINE_MAX_PW + 1], prompt[96];
	const char *why;
	size_t	    alen;
	FILE	   *f;
	int	    rc;

	if (file != NULL) {
		if ((f = fopen(file, "r")) == NULL) {
			fprintf(stderr, "gavel user: %s: %s\n", file,
			    strerror(errno));
			return -1;
		}
		rc = read_line(f, pw, LINE_MAX_PW + 1, len);
		fclose(f);
	} else if (isatty(STDIN_FILENO)) {
		snprintf(prompt, sizeof(prompt), "Password for %s: ", name);
		rc = ask(prompt, pw, LINE_MAX_PW + 1, len);
		if (rc == 0 &&
		    (rc = ask("Again: ", again, sizeof(again), &alen)) == 0 &&
		    (alen != *len || memcmp(again, pw, alen) != 0)) {
			fprintf(stderr, "gavel user: the passwords differ\n");
			rc = -1;
		}
		memset(again, 0, sizeof(again));
	} else {
		rc = read_line(stdin, pw, LINE_MAX_PW + 1, len);
	}
	if (rc != 0) {
		fprintf(stderr, "gavel user: no password read\n");
		return -1;
	}
	if ((why = cred_password_problem(pw, *len)) != NULL) {
		fprintf(stderr, "gavel user: %s\n", why);
		return -1;
	}
	return 0;
}

static int
hash_password(const char *file, const char *name, char *hash)
{
	char   pw[LINE_MAX_PW + 1];
	size_t len = 0;
	int    rc = -1;

	if (get_password(file, name, pw, &len) == 0) {
		if ((rc = cred_hash(pw, len, hash)) != 0)
			fprintf(stderr, "gavel user: cannot hash the password\n");
	}
	memset(pw, 0, sizeof(pw));
	return rc;
}

static int
user_add(struct store *st, const char *name, bool admin, const char *file)
{
	char	      hash[CRED_HASH_MAX];
	int64_t	      id;
	enum store_rc rc;

	if (!cred_valid_name(name)) {
		fprintf(stderr, "gavel user: '%s': a username is 3 to 32 "
				"characters of A-Z, a-z, 0-9, '_', '.', '-'\n",
		    name);
		return 2;
	}
	if (hash_password(file, name, hash) != 0)
		return 1;
	rc = store_user_add(st, name, hash, admin, &id);
	if (rc == STORE_CONFLICT) {
		fprintf(stderr, "gavel user: the username %s is taken\n", name);
		return 1;
	}
	if (rc != STORE_OK)
		return 1;
	printf("added %s%s (id %lld)\n", admin ? "administrator " : "user ",
	    name, (long long)id);
	return 0;
}

static int
user_passwd(struct store *st, const char *name, const char *file)
{
	struct store_user *u;
	char		   hash[CRED_HASH_MAX];
	enum store_rc	   rc;

	if ((rc = store_user_get(st, name, &u)) == STORE_NOTFOUND)
		fprintf(stderr, "gavel user: no user %s\n", name);
	if (rc != STORE_OK)
		return 1;
	if (hash_password(file, u->name, hash) != 0 ||
	    store_user_set_password(st, u->id, hash, NULL) != STORE_OK) {
		store_user_free(u);
		return 1;
	}
	printf("set the password of %s (its sessions ended)\n", u->name);
	store_user_free(u);
	return 0;
}

static int
user_list(struct store *st)
{
	struct store_user_list l;
	size_t		       i;

	if (store_user_list(st, &l) != STORE_OK)
		return 1;
	printf("%-6s %-32s %-6s %-9s %s\n", "ID", "NAME", "ADMIN", "DISABLED",
	    "CREATED");
	for (i = 0; i < l.n; i++) {
		time_t	  t = (time_t)(l.items[i].created_ms / 1000);
		struct tm tm;
		char	  when[32];

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%SZ", &tm);
		printf("%-6lld %-32s %-6s %-9s %s\n",
		    (long long)l.items[i].id, l.items[i].name,
		    l.items[i].admin ? "yes" : "no",
		    l.items[i].disabled ? "yes" : "no", when);
	}
	store_user_list_free(&l);
	return 0;
}

static int
user_disable(struct store *st, const char *name, bool disabled)
{
	enum store_rc rc = store_user_set_disabled(st, name, disabled);

	if (rc == STORE_NOTFOUND)
		fprintf(stderr, "gavel user: no user %s\n", name);
	if (rc != STORE_OK)
		return 1;
	printf("%s %s%s\n", disabled ? "disabled" : "enabled", name,
	    disabled ? " (its sessions ended)" : "");
	return 0;
}

/* The module's second entry point, found by cli/serve_loader.c. */
__attribute__((visibility("default"))) int
gavel_user_main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "admin", no_argument, NULL, 'a' },
		{ "pwhash-cost", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct server_config cfg;
	const char	    *db, *file = NULL, *cmd, *name = NULL;
	const char	    *cost_s = "interactive";
	enum cred_cost	     cost;
	struct store	    *st;
	bool		     admin = false;
	int		     c, rc, want;

	server_config_defaults(&cfg);
	db = getenv("GAVEL_DB") && getenv("GAVEL_DB")[0] ? getenv("GAVEL_DB")
							  : cfg.db_path;
	while ((c = getopt_long(argc, argv, "h", lopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			file = optarg;
			break;
		case 'a':
			admin = true;
			break;
		case 'c':
			cost_s = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	cmd = argv[optind++];
	want = strcmp(cmd, "list") == 0 ? 0 : 1;
	if (argc - optind != want) {
		fprintf(stderr, "gavel user %s: %s\n", cmd,
		    want ? "needs one NAME" : "takes no NAME");
		return 2;
	}
	if (want)
		name = argv[optind];
	if ((admin && strcmp(cmd, "add") != 0) ||
	    (file != NULL && strcmp(cmd, "add") != 0 &&
		strcmp(cmd, "passwd") != 0)) {
		fprintf(stderr, "gavel user %s: --admin is for add, "
				"--password-file for add and passwd\n",
		    cmd);
		return 2;
	}
	if (strcmp(cmd, "add") != 0 && strcmp(cmd, "passwd") != 0 &&
	    strcmp(cmd, "list") != 0 && strcmp(cmd, "disable") != 0 &&
	    strcmp(cmd, "enable") != 0) {
		fprintf(stderr, "gavel user: unknown command '%s'\n", cmd);
		usage(stderr);
		return 2;
	}
	if (cred_cost_parse(cost_s, &cost) != 0) {
		fprintf(stderr, "gavel user: --pwhash-cost must be interactive, "
				"moderate or min\n");
		return 2;
	}
	if (cred_init(cost, 1, false) != 0)
		return 1;
	log_set_level(LOG_LEVEL_WARN);
	if ((st = store_open(db)) == NULL) {
		fprintf(stderr, "gavel user: cannot open the database %s\n", db);
		return 1;
	}
	if (strcmp(cmd, "add") == 0)
		rc = user_add(st, name, admin, file);
	else if (strcmp(cmd, "passwd") == 0)
		rc = user_passwd(st, name, file);
	else if (strcmp(cmd, "list") == 0)
		rc = user_list(st);
	else
		rc = user_disable(st, name, strcmp(cmd, "disable") == 0);
	store_close(st);
	return rc;
}
