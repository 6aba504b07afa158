/*
 * store/store.h -- Gavel's storage: the problem catalog (with its hidden
 * tests) and the submissions, which double as the judging queue.
 *
 * The interface knows nothing of SQLite: callers see an opaque handle,
 * plain structs and enum store_rc. sqlite.c implements it today; a
 * PostgreSQL backend (many machines sharing one database) can follow
 * behind the same functions without touching callers. Every function is
 * safe to call from any thread at the same time: the backend keeps its
 * own connections.
 *
 * Ownership: every struct a function hands out is the caller's; free it
 * with the matching *_free(), which accepts NULL. Strings a function
 * takes are borrowed for the duration of the call only.
 *
 * Failures: any function may return STORE_ERR, and one that writes may
 * return STORE_NOSPACE instead when the disk is full. Either way the
 * call changed nothing; a full disk is worth retrying later.
 */
#ifndef GAVEL_STORE_STORE_H
#define GAVEL_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

enum store_rc {
	STORE_OK,
	STORE_NOTFOUND, /* no such row (or nothing queued) */
	STORE_FULL,	/* the queue (or the client's share of it) is full */
	STORE_CONFLICT, /* a unique name is taken (users) */
	STORE_ERR,	/* the database failed; already logged */
	STORE_NOSPACE,	/* the disk is full: nothing was written; logged */
};

/*** Problems ***************************************************************/

/* One test file pair. Lengths matter: inputs may hold any byte. */
struct store_test {
	char  *name;   /* "01", "group1/03" (path under tests/<kind>/) */
	char  *input;  /* NUL-terminated copy, input_len bytes */
	size_t input_len;
	char  *answer; /* NUL-terminated copy, answer_len bytes */
	size_t answer_len;
};

/* A catalog problem. JSON-valued fields are serialized JSON text. */
struct store_problem {
	char		  *slug;
	char		  *title;
	char		  *difficulty;	/* "Easy", "Medium", "Hard" */
	char		  *kind;	/* "function" or "stdio" */
	char		  *tags_json;	/* JSON array of strings */
	char		  *signature_json; /* JSON object, or NULL */
	char		  *statement;	/* Markdown */
	char		  *starter_json; /* JSON object: language -> code */
	char		  *dir;		/* where the catalog holds it on disk */
	char		  *content_hash; /* of every file of the problem */
	uint32_t	   time_ms;
	uint32_t	   memory_mb;
	int64_t		   accepted;	/* AC submissions (filled by get/list) */
	int64_t		   submissions; /* judged submissions */
	bool		   hidden;	/* a draft: admins only (kept by put
					   for an existing problem) */
	bool		   authored;	/* from the admins' directory */
	struct store_test *samples;
	size_t		   nsamples;
	struct store_test *secret;	/* hidden: never leaves the server */
	size_t		   nsecret;
};

struct store_problem_filter {
	const char *q;		/* substring of slug, title or a tag; or NULL */
	const char *difficulty; /* exact (case-insensitive), or NULL */
	const char *tag;	/* exact (case-insensitive), or NULL */
	bool	    with_hidden; /* hidden problems too (admins) */
};

struct store_problem_list {
	struct store_problem *items; /* metadata only: no statement/tests */
	size_t		      n;
};

/*
 * Insert or replace a problem (with all its tests) when its content hash
 * differs from the stored one; mark it active. *changed tells whether it
 * wrote anything. Atomic: a reader sees the old or the new problem.
 * p->hidden applies to a new problem only: an existing one keeps its
 * flag (store_problem_set_hidden changes it).
 */
enum store_rc store_problem_put(struct store *st,
    const struct store_problem *p, bool *changed);

/* The stored content hash of an active problem (caller frees), or NULL. */
enum store_rc store_problem_hash(struct store *st, const char *slug,
    char **hash);

/*
 * Mark every active problem not in slugs[0..n) inactive (it left the
 * catalog; its submissions stay). *removed counts them.
 */
enum store_rc store_problem_retire_others(struct store *st,
    const char *const *slugs, size_t n, size_t *removed);

/*
 * One active problem, hidden or not (p->hidden says; callers serving
 * non-admins must treat a hidden one as absent). With_tests loads the
 * samples, and with_secret the hidden tests as well. STORE_NOTFOUND when
 * absent or retired.
 */
enum store_rc store_problem_get(struct store *st, const char *slug,
    bool with_tests, bool with_secret, struct store_problem **out);

/*
 * Active problems matching *f (NULL: all visible ones), ordered by title.
 * Hidden problems only with f->with_hidden.
 */
enum store_rc store_problem_list(struct store *st,
    const struct store_problem_filter *f, struct store_problem_list *out);

/* Hide or show an active problem. STORE_NOTFOUND when there is none. */
enum store_rc store_problem_set_hidden(struct store *st, const char *slug,
    bool hidden);

void store_problem_free(struct store_problem *p);
void store_problem_list_free(struct store_problem_list *l);
/* Frees the members of *p, not p itself (for items of a list). */
void store_problem_clear(struct store_problem *p);

/*** Submissions ************************************************************/

enum store_status {
	STORE_QUEUED,
	STORE_RUNNING,
	STORE_DONE,
};

/* "queued", "running", "done". */
const char *store_status_name(enum store_status s);

struct store_test_result {
	char	*verdict; /* "AC", "WA", ... */
	uint32_t cpu_ms;
	uint32_t wall_ms;
	uint64_t memory_kb;
};

struct store_submission {
	int64_t			  id;
	char			 *problem;
	char			 *language;
	char			 *code;
	char			 *client;     /* who sent it: its address key */
	int64_t			  user_id;    /* its owner; 0 before accounts */
	char			 *user;	      /* the owner's name, or NULL */
	enum store_status	  status;
	char			 *verdict;    /* NULL until done */
	uint32_t		  cpu_ms;     /* max over tests */
	uint64_t		  memory_kb;  /* max over tests */
	char			 *compile_output; /* or NULL */
	char			 *message;    /* runtime error text, or NULL */
	int			  failed_test; /* 1-based, 0 when none */
	int			  total_tests;
	int			  attempts;   /* times a worker claimed it */
	int64_t			  created_ms; /* Unix time in milliseconds */
	int64_t			  finished_ms; /* 0 until done */
	struct store_test_result *tests;      /* when asked for; else NULL */
	size_t			  ntests;
};

/* What a worker writes when judging ends. Borrowed by store_submission_finish. */
struct store_result {
	const char			*verdict;
	uint32_t			 cpu_ms;
	uint64_t			 memory_kb;
	const char			*compile_output; /* or NULL */
	const char			*message;	 /* or NULL */
	int				 failed_test;	 /* 1-based, 0 none */
	int				 total_tests;
	const struct store_test_result	*tests;
	size_t				 ntests;
};

struct store_limits {
	int64_t max_queued;	/* queued submissions, all clients: 0 none */
	int64_t max_per_client; /* queued+running of one client: 0 none */
};

/*
 * Commit a new submission as queued and return its id in *id. STORE_FULL
 * (nothing written) when the queue holds lim->max_queued submissions, or
 * the client has lim->max_per_client unfinished ones; *why says which
 * ("queue" or "client", static strings). User_id owns it (0: nobody).
 */
enum store_rc store_submission_add(struct store *st, const char *problem,
    const char *language, const char *code, size_t code_len,
    const char *client, int64_t user_id, const struct store_limits *lim,
    int64_t *id, const char **why);

/*
 * Atomically claim the oldest queued submission for judging: it becomes
 * running and its attempts grow by one. STORE_NOTFOUND when the queue is
 * empty. No two callers, in any process sharing the database, get the
 * same submission.
 */
enum store_rc store_submission_claim(struct store *st,
    struct store_submission **out);

/* Record the outcome of a running submission: it becomes done. */
enum store_rc store_submission_finish(struct store *st, int64_t id,
    const struct store_result *res);

/*
 * Put every running submission back in the queue (start-up, after a
 * crash: their workers are gone). *n counts them.
 */
enum store_rc store_submission_requeue_running(struct store *st, size_t *n);

/* One submission, with its per-test results when with_tests. */
enum store_rc store_submission_get(struct store *st, int64_t id,
    bool with_tests, struct store_submission **out);

struct store_submission_list {
	struct store_submission *items; /* no code, no tests */
	size_t			 n;
};

/*
 * History, newest first: at most limit submissions with id < before
 * (before <= 0: from the newest), of one problem when problem != NULL,
 * of one user when user_id > 0.
 */
enum store_rc store_submission_list(struct store *st, const char *problem,
    int64_t user_id, int64_t before, size_t limit,
    struct store_submission_list *out);

/* Counts, for the queue gauge and tests. */
enum store_rc store_submission_counts(struct store *st, int64_t *queued,
    int64_t *running, int64_t *done);

/*
 * Where an accepted submission stands: the percentage of the other
 * accepted submissions of the same problem and language that used more
 * CPU time (*time) and more memory (*memory). 100 when it is the first.
 * STORE_NOTFOUND unless the submission is done and accepted.
 */
enum store_rc store_submission_beats(struct store *st, int64_t id,
    double *time, double *memory);

/*
 * Rejudge: every done submission of problem goes back to the queue, its
 * verdict, figures and per-test results cleared and the problem's
 * counters reduced accordingly, in one transaction. *ids (caller frees)
 * gets their ids, *n how many.
 */
enum store_rc store_submission_rejudge(struct store *st,
    const char *problem, int64_t **ids, size_t *n);

void store_submission_free(struct store_submission *s);
void store_submission_list_free(struct store_submission_list *l);

/*** Users, sessions, API tokens ******************************************/

/*
 * Secrets never reach the store: a session or token is looked up by a
 * hash of what the client holds (computed by the caller), and passwords
 * arrive already hashed (Argon2id strings).
 */
struct store_user {
	int64_t id;
	char   *name;
	char   *pwhash; /* only from store_user_get*(); else NULL */
	bool	admin;
	bool	disabled;
	int64_t created_ms;
};

struct store_user_list {
	struct store_user *items; /* no pwhash */
	size_t		   n;
};

/* A new user; STORE_CONFLICT when the name is taken (ignoring case). */
enum store_rc store_user_add(struct store *st, const char *name,
    const char *pwhash, bool admin, int64_t *id);
/* By name (ignoring case) or by id, with the password hash. */
enum store_rc store_user_get(struct store *st, const char *name,
    struct store_user **out);
enum store_rc store_user_get_id(struct store *st, int64_t id,
    struct store_user **out);
enum store_rc store_user_list(struct store *st, struct store_user_list *out);
/* Disable (ending every session) or enable; STORE_NOTFOUND if no user. */
enum store_rc store_user_set_disabled(struct store *st, const char *name,
    bool disabled);
/*
 * Set the password hash and end every session of the user but keep
 * (a session hash; NULL: end them all), in one transaction.
 */
enum store_rc store_user_set_password(struct store *st, int64_t id,
    const char *pwhash, const char *keep);
void store_user_free(struct store_user *u);
void store_user_list_free(struct store_user_list *l);

/* A session, by the hash of its token, until expires_ms (Unix ms). */
enum store_rc store_session_add(struct store *st, const char *hash,
    int64_t user_id, const char *csrf, int64_t expires_ms);
/*
 * The user of an unexpired session (disabled ones too: the caller
 * decides) and its CSRF token (caller frees). STORE_NOTFOUND otherwise.
 */
enum store_rc store_session_get(struct store *st, const char *hash,
    struct store_user **user, char **csrf);
enum store_rc store_session_delete(struct store *st, const char *hash);
/* Delete the expired sessions; *n counts them. */
enum store_rc store_session_purge(struct store *st, size_t *n);

struct store_token {
	int64_t id;
	char   *name;
	int64_t created_ms;
	int64_t last_used_ms; /* 0: never */
};

struct store_token_list {
	struct store_token *items;
	size_t		    n;
};

enum store_rc store_token_add(struct store *st, int64_t user_id,
    const char *name, const char *hash, int64_t *id);
/* The user's tokens that are not revoked, oldest first. */
enum store_rc store_token_list(struct store *st, int64_t user_id,
    struct store_token_list *out);
/* STORE_NOTFOUND unless token id is the user's and not yet revoked. */
enum store_rc store_token_revoke(struct store *st, int64_t user_id,
    int64_t id);
/*
 * The user of an unrevoked token, by its hash; records the use (at most
 * once a minute, to spare the database a write per request).
 */
enum store_rc store_token_use(struct store *st, const char *hash,
    struct store_user **user);
void store_token_list_free(struct store_token_list *l);

/*** The handle *************************************************************/

/*
 * Open (creating if needed) the database at path: WAL, busy timeout, and
 * every pending schema migration applied. NULL on failure, with the
 * reason logged. (A PostgreSQL backend would be chosen here by a
 * "postgres://" URL in place of the path; no caller changes.)
 */
struct store *store_open(const char *path);
void	      store_close(struct store *st);

/* The schema version the database is at (for tests and `serve -n`). */
int store_schema_version(struct store *st);

/*
 * Whether the last write ran out of disk space: set when a call hits a
 * full disk, cleared when a later one changes rows (for health checks).
 */
bool store_disk_full(struct store *st);

/*
 * Fault injection for tests: when set, the next n calls that touch the
 * database fail with STORE_ERR.
 */
void store_inject_faults(struct store *st, int n);

#endif
