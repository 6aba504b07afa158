/*
 * store/sqlite.c -- the SQLite backend of store.h.
 *
 * One database file in WAL mode, shared by a small pool of connections:
 * a caller borrows a connection for one operation and gives it back, so
 * any number of threads may call in at once. Each connection keeps its
 * prepared statements (every SQL string below is prepared once, bound,
 * stepped and reset; no SQL is ever built from data). Writers that touch
 * several rows use BEGIN IMMEDIATE, so they queue on the busy timeout
 * instead of failing to upgrade a read lock.
 *
 * The schema is versioned: migrations[] holds one script per version and
 * store_open() applies the missing ones, in order, each in its own
 * transaction, recording them in schema_migrations.
 */
#include "store/store.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/log.h"
#include "util/xalloc.h"

#define BUSY_TIMEOUT_MS 10000

/*** Schema *****************************************************************/

static const char *const migrations[] = {
	/* 1: catalog, submissions, per-test results. */
	"CREATE TABLE problems ("
	"  slug TEXT PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  difficulty TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  tags TEXT NOT NULL,"
	"  signature TEXT,"
	"  statement TEXT NOT NULL,"
	"  starter TEXT NOT NULL,"
	"  dir TEXT NOT NULL,"
	"  content_hash TEXT NOT NULL,"
	"  time_ms INTEGER NOT NULL,"
	"  memory_mb INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  updated_ms INTEGER NOT NULL);"
	"CREATE TABLE problem_tags ("
	"  slug TEXT NOT NULL REFERENCES problems(slug) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (slug, tag));"
	"CREATE INDEX problem_tags_tag ON problem_tags(tag COLLATE NOCASE);"
	"CREATE TABLE problem_tests ("
	"  slug TEXT NOT NULL REFERENCES problems(slug) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('sample', 'secret')),"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  input BLOB NOT NULL,"
	"  answer BLOB NOT NULL,"
	"  PRIMARY KEY (slug, kind, seq));"
	"CREATE TABLE submissions ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  problem TEXT NOT NULL,"
	"  language TEXT NOT NULL,"
	"  code TEXT NOT NULL,"
	"  client TEXT NOT NULL,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('queued', 'running', 'done')),"
	"  verdict TEXT,"
	"  cpu_ms INTEGER,"
	"  memory_kb INTEGER,"
	"  compile_output TEXT,"
	"  message TEXT,"
	"  failed_test INTEGER,"
	"  total_tests INTEGER,"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  created_ms INTEGER NOT NULL,"
	"  started_ms INTEGER,"
	"  finished_ms INTEGER);"
	"CREATE INDEX submissions_status ON submissions(status, id);"
	"CREATE INDEX submissions_client ON submissions(client, status);"
	"CREATE INDEX submissions_problem ON submissions(problem, id);"
	"CREATE INDEX submissions_rank"
	"  ON submissions(problem, language, verdict);"
	"CREATE TABLE submission_tests ("
	"  submission_id INTEGER NOT NULL"
	"    REFERENCES submissions(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  verdict TEXT NOT NULL,"
	"  cpu_ms INTEGER NOT NULL,"
	"  wall_ms INTEGER NOT NULL,"
	"  memory_kb INTEGER NOT NULL,"
	"  PRIMARY KEY (submission_id, idx));",

	/*
	 * 2: per-problem counters, kept by store_submission_finish() in the
	 * same transaction, so listing problems does not count submissions;
	 * index-only counts for "beats".
	 */
	"CREATE TABLE problem_stats ("
	"  slug TEXT PRIMARY KEY,"
	"  submissions INTEGER NOT NULL DEFAULT 0,"
	"  accepted INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO problem_stats (slug, submissions, accepted)"
	"  SELECT problem, count(*), sum(verdict = 'AC') FROM submissions"
	"  WHERE status = 'done' GROUP BY problem;"
	"DROP INDEX submissions_rank;"
	"CREATE INDEX submissions_rank_time"
	"  ON submissions(problem, language, verdict, cpu_ms);"
	"CREATE INDEX submissions_rank_memory"
	"  ON submissions(problem, language, verdict, memory_kb);",

	/*
	 * 3: accounts. Sessions and API tokens are stored as hashes of the
	 * secret the client holds. Submissions get an owner; the older
	 * ones keep NULL (visible to admins only).
	 */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  pwhash TEXT NOT NULL,"
	"  admin INTEGER NOT NULL DEFAULT 0,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_ms INTEGER NOT NULL);"
	"CREATE TABLE sessions ("
	"  hash TEXT PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created_ms INTEGER NOT NULL,"
	"  expires_ms INTEGER NOT NULL);"
	"CREATE INDEX sessions_user ON sessions(user_id);"
	"CREATE INDEX sessions_expires ON sessions(expires_ms);"
	"CREATE TABLE api_tokens ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  created_ms INTEGER NOT NULL,"
	"  last_used_ms INTEGER,"
	"  revoked_ms INTEGER);"
	"CREATE INDEX api_tokens_user ON api_tokens(user_id);"
	"ALTER TABLE submissions ADD COLUMN user_id INTEGER"
	"  REFERENCES users(id);"
	"CREATE INDEX submissions_user ON submissions(user_id, id);",

	/*
	 * 4 (admin): a hidden problem (a draft) is listed and served to
	 * admins only; authored ones came from the admins' directory
	 * (--authored), not the bundled catalog.
	 */
	"ALTER TABLE problems ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE problems ADD COLUMN authored INTEGER NOT NULL DEFAULT 0;",
};

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/*** Statements *************************************************************/

enum stmt_id {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_PROB_HASH,
	S_PROB_UPSERT,
	S_PROB_DEL_TESTS,
	S_PROB_DEL_TAGS,
	S_PROB_INS_TEST,
	S_PROB_INS_TAG,
	S_PROB_ACTIVE,
	S_PROB_RETIRE,
	S_PROB_GET,
	S_PROB_TESTS,
	S_PROB_LIST,
	S_PROB_SET_HIDDEN,
	S_SUB_QUEUED,
	S_SUB_CLIENT,
	S_SUB_INSERT,
	S_SUB_CLAIM,
	S_SUB_FINISH,
	S_SUB_STATS,
	S_SUB_DEL_TESTS,
	S_SUB_INS_TEST,
	S_SUB_REQUEUE,
	S_SUB_GET,
	S_SUB_TESTS,
	S_SUB_LIST,
	S_SUB_LIST_USER,
	S_SUB_COUNTS,
	S_SUB_BEATS,
	S_SUB_REJUDGE_STATS,
	S_SUB_REJUDGE_TESTS,
	S_SUB_REJUDGE,
	S_USER_INSERT,
	S_USER_BY_NAME,
	S_USER_BY_ID,
	S_USER_LIST,
	S_USER_DISABLE,
	S_USER_PASSWORD,
	S_SESS_INSERT,
	S_SESS_GET,
	S_SESS_DELETE,
	S_SESS_DELETE_USER,
	S_SESS_PURGE,
	S_TOK_INSERT,
	S_TOK_LIST,
	S_TOK_REVOKE,
	S_TOK_GET,
	S_TOK_TOUCH,
	S_COUNT
};

#define PROB_COLS                                                              \
	"p.slug, p.title, p.difficulty, p.kind, p.tags, p.signature, "        \
	"p.dir, p.content_hash, p.time_ms, p.memory_mb, "                     \
	"coalesce((SELECT accepted FROM problem_stats t"                       \
	"  WHERE t.slug = p.slug), 0), "                                      \
	"coalesce((SELECT submissions FROM problem_stats t"                    \
	"  WHERE t.slug = p.slug), 0), p.hidden, p.authored"

#define SUB_COLS                                                               \
	"id, problem, language, client, status, verdict, cpu_ms, memory_kb, " \
	"compile_output, message, failed_test, total_tests, attempts, "       \
	"created_ms, finished_ms, user_id, "                                  \
	"(SELECT name FROM users u WHERE u.id = submissions.user_id)"

#define SUB_CODE_COL 17 /* after SUB_COLS */

#define USER_COLS "u.id, u.name, u.admin, u.disabled, u.created_ms"

static const char *const stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_PROB_HASH] = "SELECT content_hash FROM problems"
			" WHERE slug = ?1 AND active = 1",
	[S_PROB_UPSERT] =
	    "INSERT INTO problems (slug, title, difficulty, kind, tags,"
	    " signature, statement, starter, dir, content_hash, time_ms,"
	    " memory_mb, active, updated_ms, hidden, authored)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13,"
	    " ?14, ?15)"
	    " ON CONFLICT (slug) DO UPDATE SET title = excluded.title,"
	    " difficulty = excluded.difficulty, kind = excluded.kind,"
	    " tags = excluded.tags, signature = excluded.signature,"
	    " statement = excluded.statement, starter = excluded.starter,"
	    " dir = excluded.dir, content_hash = excluded.content_hash,"
	    " time_ms = excluded.time_ms, memory_mb = excluded.memory_mb,"
	    " active = 1, updated_ms = excluded.updated_ms,"
	    " authored = excluded.authored",
	[S_PROB_DEL_TESTS] = "DELETE FROM problem_tests WHERE slug = ?1",
	[S_PROB_DEL_TAGS] = "DELETE FROM problem_tags WHERE slug = ?1",
	[S_PROB_INS_TEST] = "INSERT INTO problem_tests (slug, kind, seq, name,"
			    " input, answer) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_PROB_INS_TAG] = "INSERT OR IGNORE INTO problem_tags (slug, tag)"
			   " VALUES (?1, ?2)",
	[S_PROB_ACTIVE] = "SELECT slug FROM problems WHERE active = 1",
	[S_PROB_RETIRE] = "UPDATE problems SET active = 0 WHERE slug = ?1",
	[S_PROB_GET] = "SELECT " PROB_COLS ", p.statement, p.starter"
		       " FROM problems p WHERE p.slug = ?1 AND p.active = 1",
	[S_PROB_TESTS] = "SELECT name, input, answer FROM problem_tests"
			 " WHERE slug = ?1 AND kind = ?2 ORDER BY seq",
	[S_PROB_LIST] =
	    "SELECT " PROB_COLS " FROM problems p WHERE p.active = 1"
	    " AND (?1 IS NULL OR p.slug LIKE ?1 ESCAPE '\\'"
	    "  OR p.title LIKE ?1 ESCAPE '\\'"
	    "  OR EXISTS (SELECT 1 FROM problem_tags t WHERE t.slug = p.slug"
	    "   AND t.tag LIKE ?1 ESCAPE '\\'))"
	    " AND (?2 IS NULL OR p.difficulty = ?2 COLLATE NOCASE)"
	    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM problem_tags t"
	    "  WHERE t.slug = p.slug AND t.tag = ?3 COLLATE NOCASE))"
	    " AND (?4 = 1 OR p.hidden = 0)"
	    " ORDER BY p.title COLLATE NOCASE, p.slug",
	[S_PROB_SET_HIDDEN] = "UPDATE problems SET hidden = ?2"
			      " WHERE slug = ?1 AND active = 1",
	[S_SUB_QUEUED] = "SELECT count(*) FROM submissions"
			 " WHERE status = 'queued'",
	[S_SUB_CLIENT] = "SELECT count(*) FROM submissions WHERE client = ?1"
			 " AND status IN ('queued', 'running')",
	[S_SUB_INSERT] = "INSERT INTO submissions (problem, language, code,"
			 " client, status, created_ms, user_id)"
			 " VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6)",
	/*
	 * One statement, so one write lock: two workers (or two processes)
	 * can never both see the same row queued. PostgreSQL: the subquery
	 * takes FOR UPDATE SKIP LOCKED.
	 */
	[S_SUB_CLAIM] =
	    "UPDATE submissions SET status = 'running',"
	    " attempts = attempts + 1, started_ms = ?1"
	    " WHERE id = (SELECT id FROM submissions WHERE status = 'queued'"
	    "  ORDER BY id LIMIT 1)"
	    " RETURNING " SUB_COLS ", code",
	[S_SUB_FINISH] =
	    "UPDATE submissions SET status = 'done', verdict = ?2,"
	    " cpu_ms = ?3, memory_kb = ?4, compile_output = ?5, message = ?6,"
	    " failed_test = ?7, total_tests = ?8, finished_ms = ?9"
	    " WHERE id = ?1 AND status = 'running'",
	[S_SUB_STATS] =
	    "INSERT INTO problem_stats (slug, submissions, accepted)"
	    " SELECT problem, 1, verdict = 'AC' FROM submissions WHERE id = ?1"
	    " ON CONFLICT (slug) DO UPDATE SET"
	    " submissions = submissions + 1,"
	    " accepted = accepted + excluded.accepted",
	[S_SUB_DEL_TESTS] = "DELETE FROM submission_tests"
			    " WHERE submission_id = ?1",
	[S_SUB_INS_TEST] = "INSERT INTO submission_tests (submission_id, idx,"
			   " verdict, cpu_ms, wall_ms, memory_kb)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_SUB_REQUEUE] = "UPDATE submissions SET status = 'queued'"
			  " WHERE status = 'running'",
	[S_SUB_GET] = "SELECT " SUB_COLS ", code FROM submissions"
		      " WHERE id = ?1",
	[S_SUB_TESTS] = "SELECT verdict, cpu_ms, wall_ms, memory_kb"
			" FROM submission_tests WHERE submission_id = ?1"
			" ORDER BY idx",
	[S_SUB_LIST] = "SELECT " SUB_COLS " FROM submissions"
		       " WHERE (?1 IS NULL OR problem = ?1)"
		       " AND (?2 <= 0 OR id < ?2)"
		       " ORDER BY id DESC LIMIT ?3",
	/* One user's: walks the index on (user_id, id), not the table. */
	[S_SUB_LIST_USER] = "SELECT " SUB_COLS " FROM submissions"
			    " WHERE user_id = ?4"
			    " AND (?1 IS NULL OR problem = ?1)"
			    " AND (?2 <= 0 OR id < ?2)"
			    " ORDER BY id DESC LIMIT ?3",
	[S_SUB_COUNTS] = "SELECT status, count(*) FROM submissions"
			 " GROUP BY status",
	[S_SUB_BEATS] =
	    "SELECT"
	    " (SELECT count(*) FROM submissions o WHERE o.problem = s.problem"
	    "  AND o.language = s.language AND o.verdict = 'AC'"
	    "  AND o.id <> s.id),"
	    " (SELECT count(*) FROM submissions o WHERE o.problem = s.problem"
	    "  AND o.language = s.language AND o.verdict = 'AC'"
	    "  AND o.id <> s.id AND o.cpu_ms > s.cpu_ms),"
	    " (SELECT count(*) FROM submissions o WHERE o.problem = s.problem"
	    "  AND o.language = s.language AND o.verdict = 'AC'"
	    "  AND o.id <> s.id AND o.memory_kb > s.memory_kb)"
	    " FROM submissions s"
	    " WHERE s.id = ?1 AND s.status = 'done' AND s.verdict = 'AC'",
	/*
	 * Rejudge: the counters forget the results about to be redone
	 * (store_submission_finish counts them again), the per-test rows
	 * go, and the submissions return to the queue as if new.
	 */
	[S_SUB_REJUDGE_STATS] =
	    "UPDATE problem_stats SET"
	    " submissions = max(0, submissions - (SELECT count(*)"
	    "  FROM submissions WHERE problem = ?1 AND status = 'done')),"
	    " accepted = max(0, accepted - (SELECT count(*) FROM submissions"
	    "  WHERE problem = ?1 AND status = 'done' AND verdict = 'AC'))"
	    " WHERE slug = ?1",
	[S_SUB_REJUDGE_TESTS] =
	    "DELETE FROM submission_tests WHERE submission_id IN"
	    " (SELECT id FROM submissions WHERE problem = ?1"
	    "  AND status = 'done')",
	[S_SUB_REJUDGE] =
	    "UPDATE submissions SET status = 'queued', verdict = NULL,"
	    " cpu_ms = NULL, memory_kb = NULL, compile_output = NULL,"
	    " message = NULL, failed_test = NULL, total_tests = NULL,"
	    " attempts = 0, started_ms = NULL, finished_ms = NULL"
	    " WHERE problem = ?1 AND status = 'done' RETURNING id",
	[S_USER_INSERT] = "INSERT INTO users (name, pwhash, admin, created_ms)"
			  " VALUES (?1, ?2, ?3, ?4)",
	[S_USER_BY_NAME] = "SELECT " USER_COLS ", u.pwhash FROM users u"
			   " WHERE u.name = ?1",
	[S_USER_BY_ID] = "SELECT " USER_COLS ", u.pwhash FROM users u"
			 " WHERE u.id = ?1",
	[S_USER_LIST] = "SELECT " USER_COLS " FROM users u ORDER BY u.id",
	[S_USER_DISABLE] = "UPDATE users SET disabled = ?2 WHERE name = ?1"
			   " RETURNING id",
	[S_USER_PASSWORD] = "UPDATE users SET pwhash = ?2 WHERE id = ?1",
	[S_SESS_INSERT] = "INSERT INTO sessions (hash, user_id, csrf,"
			  " created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_SESS_GET] = "SELECT " USER_COLS ", s.csrf FROM sessions s"
		       " JOIN users u ON u.id = s.user_id"
		       " WHERE s.hash = ?1 AND s.expires_ms > ?2",
	[S_SESS_DELETE] = "DELETE FROM sessions WHERE hash = ?1",
	[S_SESS_DELETE_USER] = "DELETE FROM sessions WHERE user_id = ?1"
			       " AND (?2 IS NULL OR hash <> ?2)",
	[S_SESS_PURGE] = "DELETE FROM sessions WHERE expires_ms <= ?1",
	[S_TOK_INSERT] = "INSERT INTO api_tokens (user_id, name, hash,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4)",
	[S_TOK_LIST] = "SELECT id, name, created_ms, last_used_ms"
		       " FROM api_tokens WHERE user_id = ?1"
		       " AND revoked_ms IS NULL ORDER BY id",
	[S_TOK_REVOKE] = "UPDATE api_tokens SET revoked_ms = ?3"
			 " WHERE id = ?1 AND user_id = ?2"
			 " AND revoked_ms IS NULL",
	[S_TOK_GET] = "SELECT " USER_COLS ", t.id, t.last_used_ms"
		      " FROM api_tokens t JOIN users u ON u.id = t.user_id"
		      " WHERE t.hash = ?1 AND t.revoked_ms IS NULL",
	[S_TOK_TOUCH] = "UPDATE api_tokens SET last_used_ms = ?2"
			" WHERE id = ?1",
};

/*** Connections ************************************************************/

struct conn {
	sqlite3	     *db;
	sqlite3_stmt *stmts[S_COUNT]; /* prepared on first use */
	struct conn  *next;	      /* in the free list */
	int64_t	      changes;	/* sqlite3_total_changes64 when borrowed */
	bool	      nospace;	/* the disk filled up since borrowed */
};

struct store {
	char		*path;
	pthread_mutex_t	 lock;	 /* guards idle */
	struct conn	*idle;	 /* connections nobody holds */
	atomic_int	 faults; /* calls left to fail (tests) */
	atomic_bool	 full;	 /* the last write ran out of space */
	int		 version;
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Prepare and run every statement of a script (migrations, pragmas). */
static int
run_script(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	const char   *tail = sql;
	int	      rc;

	while (*tail != '\0') {
		s = NULL;
		if (sqlite3_prepare_v2(db, tail, -1, &s, &tail) != SQLITE_OK) {
			log_warnx("sqlite: %s", sqlite3_errmsg(db));
			return -1;
		}
		if (s == NULL) /* trailing whitespace */
			break;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			;
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE) {
			log_warnx("sqlite: %s", sqlite3_errmsg(db));
			return -1;
		}
	}
	return 0;
}

static void
conn_free(struct conn *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(c->stmts[i]);
	sqlite3_close(c->db);
	free(c);
}

static struct conn *
conn_open(const char *path)
{
	struct conn *c = xcalloc(1, sizeof(*c));
	int	     flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
		 SQLITE_OPEN_NOMUTEX;

	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		log_warnx("sqlite: %s: %s", path,
		    c->db ? sqlite3_errmsg(c->db) : "out of memory");
		conn_free(c);
		return NULL;
	}
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	if (run_script(c->db, "PRAGMA journal_mode = WAL;"
			      "PRAGMA synchronous = NORMAL;"
			      "PRAGMA foreign_keys = ON;") != 0) {
		conn_free(c);
		return NULL;
	}
	return c;
}

/* Borrow a connection; NULL on failure (or an injected fault). */
static struct conn *
conn_get(struct store *st)
{
	struct conn *c;

	if (atomic_load(&st->faults) > 0 &&
	    atomic_fetch_sub(&st->faults, 1) > 0) {
		log_warnx("store: injected fault");
		return NULL;
	}
	pthread_mutex_lock(&st->lock);
	c = st->idle;
	if (c != NULL)
		st->idle = c->next;
	pthread_mutex_unlock(&st->lock);
	if (c == NULL)
		c = conn_open(st->path);
	if (c != NULL) {
		c->changes = sqlite3_total_changes64(c->db);
		c->nospace = false;
	}
	return c;
}

/*
 * Whether the last error on db means the disk is full: SQLite's unix VFS
 * turns ENOSPC from write() into SQLITE_FULL. (Other errnos, such as
 * EDQUOT, come as SQLITE_IOERR, and sqlite3_system_errno() cannot tell
 * them apart here: SQLite 3.40 does not record the errno of a failed WAL
 * commit, which is where every write of the store fails.)
 */
static bool
out_of_space(sqlite3 *db)
{
	return sqlite3_errcode(db) == SQLITE_FULL;
}

/*
 * Give back a connection borrowed by conn_get() and return rc, the
 * outcome of the call that borrowed it: here, and only here, STORE_ERR
 * becomes STORE_NOSPACE when the failure was a full disk. Every failure
 * is the last thing a call does on its connection before it ends here,
 * except when rollback() ran after it (rollback() notes it first). The
 * store's "full" flag follows the writes: set by one that ran out of
 * space, cleared by one that changed rows.
 */
static enum store_rc
conn_put(struct store *st, struct conn *c, enum store_rc rc)
{
	if (c == NULL)
		return rc;
	if (out_of_space(c->db))
		c->nospace = true;
	if (c->nospace)
		atomic_store(&st->full, true);
	else if (rc == STORE_OK &&
		 sqlite3_total_changes64(c->db) != c->changes)
		atomic_store(&st->full, false);
	if (rc == STORE_ERR && c->nospace)
		rc = STORE_NOSPACE;
	pthread_mutex_lock(&st->lock);
	c->next = st->idle;
	st->idle = c;
	pthread_mutex_unlock(&st->lock);
	return rc;
}

/* The connection's statement id, reset and unbound; NULL on failure. */
static sqlite3_stmt *
stmt(struct conn *c, enum stmt_id id)
{
	sqlite3_stmt *s = c->stmts[id];

	if (s == NULL) {
		if (sqlite3_prepare_v3(c->db, stmt_sql[id], -1,
			SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
			log_warnx("sqlite: prepare %d: %s", (int)id,
			    sqlite3_errmsg(c->db));
			return NULL;
		}
		c->stmts[id] = s;
	}
	return s;
}

/* Reset a statement after use, so it holds no read lock. */
static void
done(sqlite3_stmt *s)
{
	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
}

/* Run a statement that returns no rows. 0 or -1 (logged). */
static int
exec1(struct conn *c, enum stmt_id id)
{
	sqlite3_stmt *s = stmt(c, id);
	int	      rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	done(s);
	if (rc != SQLITE_DONE) {
		log_warnx("sqlite: %s", sqlite3_errmsg(c->db));
		return -1;
	}
	return 0;
}

/*
 * End the connection's transaction, if one is open. A failure that led
 * here is noted first (conn_put() reads it): ROLLBACK clears the error.
 */
static void
rollback(struct conn *c)
{
	if (sqlite3_get_autocommit(c->db))
		return;
	if (out_of_space(c->db))
		c->nospace = true;
	exec1(c, S_ROLLBACK);
}

static char *
col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrndup((const char *)t, sqlite3_column_bytes(s, i))
		 : NULL;
}

/* A copy of a BLOB/TEXT column, NUL-terminated, with its length. */
static char *
col_blob(sqlite3_stmt *s, int i, size_t *len)
{
	const void *b = sqlite3_column_blob(s, i);
	size_t	    n = (size_t)sqlite3_column_bytes(s, i);
	char	   *p = xmalloc(n + 1);

	if (n > 0)
		memcpy(p, b, n);
	p[n] = '\0';
	*len = n;
	return p;
}

static int
bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
}

static const char *
sqlerr(struct conn *c)
{
	return sqlite3_errmsg(c->db);
}

/*** Open / close ***********************************************************/

static int
migrate(struct store *st, struct conn *c)
{
	sqlite3_stmt *s = NULL;
	int	      have = 0, v, rc = -1;

	if (run_script(c->db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			      " version INTEGER PRIMARY KEY,"
			      " applied_ms INTEGER NOT NULL)") != 0)
		return -1;
	/*
	 * BEGIN IMMEDIATE first: two servers starting on one file must not
	 * both apply version N.
	 */
	if (exec1(c, S_BEGIN) != 0)
		return -1;
	if (sqlite3_prepare_v2(c->db,
		"SELECT coalesce(max(version), 0) FROM schema_migrations", -1,
		&s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto out;
	have = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	if (have > NMIGRATIONS) {
		log_warnx("store: database schema %d is newer than this gavel "
			  "(%d)", have, NMIGRATIONS);
		goto out;
	}
	for (v = have + 1; v <= NMIGRATIONS; v++) {
		/* cppcheck-suppress negativeIndex ; v >= 1 */
		if (run_script(c->db, migrations[v - 1]) != 0)
			goto out;
		if (sqlite3_prepare_v2(c->db,
			"INSERT INTO schema_migrations (version, applied_ms)"
			" VALUES (?1, ?2)", -1, &s, NULL) != SQLITE_OK)
			goto out;
		sqlite3_bind_int(s, 1, v);
		sqlite3_bind_int64(s, 2, now_ms());
		if (sqlite3_step(s) != SQLITE_DONE)
			goto out;
		sqlite3_finalize(s);
		s = NULL;
		log_info("store: applied schema migration %d", v);
	}
	if (exec1(c, S_COMMIT) != 0)
		goto out;
	st->version = NMIGRATIONS;
	rc = 0;
out:
	if (rc != 0)
		log_warnx("store: migration failed: %s", sqlerr(c));
	sqlite3_finalize(s);
	rollback(c);
	return rc;
}

struct store *
store_open(const char *path)
{
	struct store *st = xcalloc(1, sizeof(*st));
	struct conn  *c;

	st->path = xstrdup(path);
	pthread_mutex_init(&st->lock, NULL);
	atomic_init(&st->faults, 0);
	atomic_init(&st->full, false);
	c = conn_open(path);
	if (c == NULL || migrate(st, c) != 0) {
		conn_free(c);
		store_close(st);
		return NULL;
	}
	conn_put(st, c, STORE_OK);
	return st;
}

void
store_close(struct store *st)
{
	struct conn *c, *next;

	if (st == NULL)
		return;
	for (c = st->idle; c != NULL; c = next) {
		next = c->next;
		conn_free(c);
	}
	pthread_mutex_destroy(&st->lock);
	free(st->path);
	free(st);
}

int
store_schema_version(struct store *st)
{
	return st->version;
}

bool
store_disk_full(struct store *st)
{
	return atomic_load(&st->full);
}

void
store_inject_faults(struct store *st, int n)
{
	atomic_store(&st->faults, n);
}

/*** Problems ***************************************************************/

void
store_problem_clear(struct store_problem *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->slug);
	free(p->title);
	free(p->difficulty);
	free(p->kind);
	free(p->tags_json);
	free(p->signature_json);
	free(p->statement);
	free(p->starter_json);
	free(p->dir);
	free(p->content_hash);
	for (i = 0; i < p->nsamples; i++) {
		free(p->samples[i].name);
		free(p->samples[i].input);
		free(p->samples[i].answer);
	}
	free(p->samples);
	for (i = 0; i < p->nsecret; i++) {
		free(p->secret[i].name);
		free(p->secret[i].input);
		free(p->secret[i].answer);
	}
	free(p->secret);
	memset(p, 0, sizeof(*p));
}

void
store_problem_free(struct store_problem *p)
{
	store_problem_clear(p);
	free(p);
}

void
store_problem_list_free(struct store_problem_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		store_problem_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

enum store_rc
store_problem_hash(struct store *st, const char *slug, char **hash)
{
	struct conn   *c = conn_get(st);
	sqlite3_stmt  *s;
	enum store_rc  rc = STORE_ERR;

	*hash = NULL;
	if (c == NULL || (s = stmt(c, S_PROB_HASH)) == NULL)
		goto out;
	bind_text(s, 1, slug);
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		*hash = col_str(s, 0);
		rc = STORE_OK;
		break;
	case SQLITE_DONE:
		rc = STORE_NOTFOUND;
		break;
	default:
		log_warnx("store: %s: %s", slug, sqlerr(c));
	}
	done(s);
out:
	return conn_put(st, c, rc);
}

static int
insert_tests(struct conn *c, const char *slug, const char *kind,
    const struct store_test *t, size_t n)
{
	sqlite3_stmt *s = stmt(c, S_PROB_INS_TEST);
	size_t	      i;
	int	      rc;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		bind_text(s, 1, slug);
		bind_text(s, 2, kind);
		sqlite3_bind_int64(s, 3, (int64_t)i);
		bind_text(s, 4, t[i].name);
		sqlite3_bind_blob64(s, 5, t[i].input, t[i].input_len,
		    SQLITE_STATIC);
		sqlite3_bind_blob64(s, 6, t[i].answer, t[i].answer_len,
		    SQLITE_STATIC);
		rc = sqlite3_step(s);
		done(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* Insert the tags of a JSON array text, one row each. */
static int
insert_tags(struct conn *c, const char *slug, const char *tags_json)
{
	sqlite3_stmt *s = stmt(c, S_PROB_INS_TAG);
	sqlite3_stmt *each = NULL;
	int	      rc = -1, r;

	if (s == NULL)
		return -1;
	/* SQLite's json_each splits the array; still a prepared statement. */
	if (sqlite3_prepare_v2(c->db,
		"SELECT value FROM json_each(?1) WHERE type = 'text'", -1,
		&each, NULL) != SQLITE_OK)
		return -1;
	bind_text(each, 1, tags_json);
	while ((r = sqlite3_step(each)) == SQLITE_ROW) {
		bind_text(s, 1, slug);
		sqlite3_bind_text(s, 2, (const char *)sqlite3_column_text(each, 0),
		    -1, SQLITE_TRANSIENT);
		r = sqlite3_step(s);
		done(s);
		if (r != SQLITE_DONE)
			goto out;
	}
	if (r == SQLITE_DONE)
		rc = 0;
out:
	sqlite3_finalize(each);
	return rc;
}

enum store_rc
store_problem_put(struct store *st, const struct store_problem *p,
    bool *changed)
{
	struct conn   *c = conn_get(st);
	sqlite3_stmt  *s;
	enum store_rc  rc = STORE_ERR;
	int	       r;

	*changed = false;
	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_BEGIN) != 0)
		goto out;
	/* Compare inside the transaction: two importers race harmlessly. */
	if ((s = stmt(c, S_PROB_HASH)) == NULL)
		goto out;
	bind_text(s, 1, p->slug);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW && p->content_hash != NULL &&
	    strcmp((const char *)sqlite3_column_text(s, 0),
		p->content_hash) == 0) {
		done(s);
		rc = STORE_OK;
		goto out;
	}
	done(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		goto out;

	if ((s = stmt(c, S_PROB_UPSERT)) == NULL)
		goto out;
	bind_text(s, 1, p->slug);
	bind_text(s, 2, p->title ? p->title : p->slug);
	bind_text(s, 3, p->difficulty ? p->difficulty : "");
	bind_text(s, 4, p->kind ? p->kind : "function");
	bind_text(s, 5, p->tags_json ? p->tags_json : "[]");
	bind_text(s, 6, p->signature_json);
	bind_text(s, 7, p->statement ? p->statement : "");
	bind_text(s, 8, p->starter_json ? p->starter_json : "{}");
	bind_text(s, 9, p->dir ? p->dir : "");
	bind_text(s, 10, p->content_hash ? p->content_hash : "");
	sqlite3_bind_int64(s, 11, p->time_ms);
	sqlite3_bind_int64(s, 12, p->memory_mb);
	sqlite3_bind_int64(s, 13, now_ms());
	sqlite3_bind_int(s, 14, p->hidden);
	sqlite3_bind_int(s, 15, p->authored);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if ((s = stmt(c, S_PROB_DEL_TESTS)) == NULL)
		goto out;
	bind_text(s, 1, p->slug);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if ((s = stmt(c, S_PROB_DEL_TAGS)) == NULL)
		goto out;
	bind_text(s, 1, p->slug);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if (insert_tests(c, p->slug, "sample", p->samples, p->nsamples) != 0 ||
	    insert_tests(c, p->slug, "secret", p->secret, p->nsecret) != 0 ||
	    insert_tags(c, p->slug, p->tags_json ? p->tags_json : "[]") != 0)
		goto out;
	if (exec1(c, S_COMMIT) != 0)
		goto out;
	*changed = true;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		log_warnx("store: put problem %s: %s", p->slug, sqlerr(c));
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_problem_retire_others(struct store *st, const char *const *slugs,
    size_t n, size_t *removed)
{
	struct conn   *c = conn_get(st);
	sqlite3_stmt  *s, *r;
	enum store_rc  rc = STORE_ERR;
	char	     **gone = NULL;
	size_t	       ngone = 0, i, j;
	int	       step;

	*removed = 0;
	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_BEGIN) != 0 || (s = stmt(c, S_PROB_ACTIVE)) == NULL)
		goto out;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *slug = (const char *)sqlite3_column_text(s, 0);

		for (j = 0; j < n; j++)
			if (strcmp(slugs[j], slug) == 0)
				break;
		if (j == n) {
			gone = xrealloc(gone, (ngone + 1) * sizeof(*gone));
			gone[ngone++] = xstrdup(slug);
		}
	}
	done(s);
	if (step != SQLITE_DONE || (r = stmt(c, S_PROB_RETIRE)) == NULL)
		goto out;
	for (i = 0; i < ngone; i++) {
		bind_text(r, 1, gone[i]);
		step = sqlite3_step(r);
		done(r);
		if (step != SQLITE_DONE)
			goto out;
	}
	if (exec1(c, S_COMMIT) != 0)
		goto out;
	*removed = ngone;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		log_warnx("store: retire problems: %s", sqlerr(c));
	for (i = 0; i < ngone; i++)
		free(gone[i]);
	free(gone);
	rollback(c);
	return conn_put(st, c, rc);
}

/* Fill the PROB_COLS columns of a row. */
static void
read_problem(sqlite3_stmt *s, struct store_problem *p)
{
	p->slug = col_str(s, 0);
	p->title = col_str(s, 1);
	p->difficulty = col_str(s, 2);
	p->kind = col_str(s, 3);
	p->tags_json = col_str(s, 4);
	p->signature_json = col_str(s, 5);
	p->dir = col_str(s, 6);
	p->content_hash = col_str(s, 7);
	p->time_ms = (uint32_t)sqlite3_column_int64(s, 8);
	p->memory_mb = (uint32_t)sqlite3_column_int64(s, 9);
	p->accepted = sqlite3_column_int64(s, 10);
	p->submissions = sqlite3_column_int64(s, 11);
	p->hidden = sqlite3_column_int(s, 12) != 0;
	p->authored = sqlite3_column_int(s, 13) != 0;
}

static int
load_tests(struct conn *c, const char *slug, const char *kind,
    struct store_test **out, size_t *n)
{
	sqlite3_stmt	  *s = stmt(c, S_PROB_TESTS);
	struct store_test *t = NULL;
	size_t		   k = 0;
	int		   r;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	bind_text(s, 1, slug);
	bind_text(s, 2, kind);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		t = xrealloc(t, (k + 1) * sizeof(*t));
		t[k].name = col_str(s, 0);
		t[k].input = col_blob(s, 1, &t[k].input_len);
		t[k].answer = col_blob(s, 2, &t[k].answer_len);
		k++;
	}
	done(s);
	*out = t;
	*n = k;
	return r == SQLITE_DONE ? 0 : -1;
}

enum store_rc
store_problem_get(struct store *st, const char *slug, bool with_tests,
    bool with_secret, struct store_problem **out)
{
	struct conn	     *c = conn_get(st);
	sqlite3_stmt	     *s;
	struct store_problem *p = NULL;
	enum store_rc	      rc = STORE_ERR;
	int		      r;

	*out = NULL;
	if (c == NULL)
		return STORE_ERR;
	/* A read transaction: the problem and its tests from one snapshot. */
	if (run_script(c->db, "BEGIN") != 0 ||
	    (s = stmt(c, S_PROB_GET)) == NULL)
		goto out;
	bind_text(s, 1, slug);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		p = xcalloc(1, sizeof(*p));
		read_problem(s, p);
		p->statement = col_str(s, 14);
		p->starter_json = col_str(s, 15);
	}
	done(s);
	if (r == SQLITE_DONE) {
		rc = STORE_NOTFOUND;
		goto out;
	}
	if (r != SQLITE_ROW)
		goto out;
	if (with_tests &&
	    load_tests(c, slug, "sample", &p->samples, &p->nsamples) != 0)
		goto out;
	if (with_secret &&
	    load_tests(c, slug, "secret", &p->secret, &p->nsecret) != 0)
		goto out;
	*out = p;
	p = NULL;
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: get problem %s: %s", slug, sqlerr(c));
	store_problem_free(p);
	rollback(c);
	return conn_put(st, c, rc);
}

/* "%q%" with LIKE's wildcards escaped. Caller frees. */
static char *
like_pattern(const char *q)
{
	size_t n = strlen(q), i, j = 0;
	char  *p = xmalloc(2 * n + 3);

	p[j++] = '%';
	for (i = 0; i < n; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
			p[j++] = '\\';
		p[j++] = q[i];
	}
	p[j++] = '%';
	p[j] = '\0';
	return p;
}

enum store_rc
store_problem_list(struct store *st, const struct store_problem_filter *f,
    struct store_problem_list *out)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	char	     *pat = NULL;
	enum store_rc rc = STORE_ERR;
	int	      r;

	out->items = NULL;
	out->n = 0;
	if (c == NULL || (s = stmt(c, S_PROB_LIST)) == NULL)
		goto out;
	if (f != NULL && f->q != NULL && f->q[0] != '\0') {
		pat = like_pattern(f->q);
		bind_text(s, 1, pat);
	}
	if (f != NULL && f->difficulty != NULL && f->difficulty[0] != '\0')
		bind_text(s, 2, f->difficulty);
	if (f != NULL && f->tag != NULL && f->tag[0] != '\0')
		bind_text(s, 3, f->tag);
	sqlite3_bind_int(s, 4, f != NULL && f->with_hidden);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		out->items = xrealloc(out->items,
		    (out->n + 1) * sizeof(*out->items));
		memset(&out->items[out->n], 0, sizeof(out->items[0]));
		read_problem(s, &out->items[out->n]);
		out->n++;
	}
	done(s);
	if (r == SQLITE_DONE)
		rc = STORE_OK;
	else
		log_warnx("store: list problems: %s", sqlerr(c));
out:
	free(pat);
	if (rc != STORE_OK)
		store_problem_list_free(out);
	return conn_put(st, c, rc);
}

enum store_rc
store_problem_set_hidden(struct store *st, const char *slug, bool hidden)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int	      r;

	if (c == NULL || (s = stmt(c, S_PROB_SET_HIDDEN)) == NULL)
		goto out;
	bind_text(s, 1, slug);
	sqlite3_bind_int(s, 2, hidden);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		log_warnx("store: hide problem %s: %s", slug, sqlerr(c));
	else
		rc = sqlite3_changes(c->db) > 0 ? STORE_OK : STORE_NOTFOUND;
out:
	return conn_put(st, c, rc);
}

/*** Submissions ************************************************************/

const char *
store_status_name(enum store_status s)
{
	switch (s) {
	case STORE_QUEUED:
		return "queued";
	case STORE_RUNNING:
		return "running";
	case STORE_DONE:
		return "done";
	}
	return "queued";
}

static enum store_status
status_of(const char *t)
{
	if (t != NULL && strcmp(t, "running") == 0)
		return STORE_RUNNING;
	if (t != NULL && strcmp(t, "done") == 0)
		return STORE_DONE;
	return STORE_QUEUED;
}

/* Fill the SUB_COLS columns of a row. */
static void
read_submission(sqlite3_stmt *s, struct store_submission *sub)
{
	sub->id = sqlite3_column_int64(s, 0);
	sub->problem = col_str(s, 1);
	sub->language = col_str(s, 2);
	sub->client = col_str(s, 3);
	sub->status = status_of((const char *)sqlite3_column_text(s, 4));
	sub->verdict = col_str(s, 5);
	sub->cpu_ms = (uint32_t)sqlite3_column_int64(s, 6);
	sub->memory_kb = (uint64_t)sqlite3_column_int64(s, 7);
	sub->compile_output = col_str(s, 8);
	sub->message = col_str(s, 9);
	sub->failed_test = sqlite3_column_int(s, 10);
	sub->total_tests = sqlite3_column_int(s, 11);
	sub->attempts = sqlite3_column_int(s, 12);
	sub->created_ms = sqlite3_column_int64(s, 13);
	sub->finished_ms = sqlite3_column_int64(s, 14);
	sub->user_id = sqlite3_column_int64(s, 15);
	sub->user = col_str(s, 16);
}

static void
submission_clear(struct store_submission *s)
{
	size_t i;

	free(s->problem);
	free(s->language);
	free(s->code);
	free(s->client);
	free(s->user);
	free(s->verdict);
	free(s->compile_output);
	free(s->message);
	for (i = 0; i < s->ntests; i++)
		free(s->tests[i].verdict);
	free(s->tests);
}

void
store_submission_free(struct store_submission *s)
{
	if (s == NULL)
		return;
	submission_clear(s);
	free(s);
}

void
store_submission_list_free(struct store_submission_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		submission_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* A single-row count query with an optional text parameter. */
static int
count1(struct conn *c, enum stmt_id id, const char *arg, int64_t *n)
{
	sqlite3_stmt *s = stmt(c, id);
	int	      r;

	if (s == NULL)
		return -1;
	if (arg != NULL)
		bind_text(s, 1, arg);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	done(s);
	return r == SQLITE_ROW ? 0 : -1;
}

enum store_rc
store_submission_add(struct store *st, const char *problem,
    const char *language, const char *code, size_t code_len,
    const char *client, int64_t user_id, const struct store_limits *lim,
    int64_t *id, const char **why)
{
	struct conn   *c = conn_get(st);
	sqlite3_stmt  *s;
	enum store_rc  rc = STORE_ERR;
	int64_t	       n;
	int	       r;

	*id = 0;
	*why = NULL;
	if (c == NULL)
		return STORE_ERR;
	/* The counts and the insert in one write transaction: exact bounds. */
	if (exec1(c, S_BEGIN) != 0)
		goto out;
	if (lim != NULL && lim->max_queued > 0) {
		if (count1(c, S_SUB_QUEUED, NULL, &n) != 0)
			goto out;
		if (n >= lim->max_queued) {
			*why = "queue";
			rc = STORE_FULL;
			goto out;
		}
	}
	if (lim != NULL && lim->max_per_client > 0) {
		if (count1(c, S_SUB_CLIENT, client, &n) != 0)
			goto out;
		if (n >= lim->max_per_client) {
			*why = "client";
			rc = STORE_FULL;
			goto out;
		}
	}
	if ((s = stmt(c, S_SUB_INSERT)) == NULL)
		goto out;
	bind_text(s, 1, problem);
	bind_text(s, 2, language);
	sqlite3_bind_text64(s, 3, code, code_len, SQLITE_STATIC, SQLITE_UTF8);
	bind_text(s, 4, client);
	sqlite3_bind_int64(s, 5, now_ms());
	if (user_id > 0)
		sqlite3_bind_int64(s, 6, user_id);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	*id = sqlite3_last_insert_rowid(c->db);
	if (exec1(c, S_COMMIT) != 0) {
		*id = 0;
		goto out;
	}
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: add submission: %s", sqlerr(c));
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_claim(struct store *st, struct store_submission **out)
{
	struct conn		*c = conn_get(st);
	sqlite3_stmt		*s;
	struct store_submission *sub;
	enum store_rc		 rc = STORE_ERR;
	int			 r;

	*out = NULL;
	if (c == NULL || (s = stmt(c, S_SUB_CLAIM)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, now_ms());
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		sub = xcalloc(1, sizeof(*sub));
		read_submission(s, sub);
		sub->code = col_str(s, SUB_CODE_COL);
		/* Step to the end: the UPDATE commits when the statement does. */
		r = sqlite3_step(s);
		if (r == SQLITE_DONE) {
			*out = sub;
			rc = STORE_OK;
		} else {
			store_submission_free(sub);
		}
	} else if (r == SQLITE_DONE) {
		rc = STORE_NOTFOUND;
	}
	done(s);
	if (rc == STORE_ERR)
		log_warnx("store: claim: %s", sqlerr(c));
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_finish(struct store *st, int64_t id,
    const struct store_result *res)
{
	struct conn   *c = conn_get(st);
	sqlite3_stmt  *s;
	enum store_rc  rc = STORE_ERR;
	size_t	       i;
	int	       r;

	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_BEGIN) != 0 || (s = stmt(c, S_SUB_FINISH)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, res->verdict);
	sqlite3_bind_int64(s, 3, res->cpu_ms);
	sqlite3_bind_int64(s, 4, (int64_t)res->memory_kb);
	bind_text(s, 5, res->compile_output);
	bind_text(s, 6, res->message);
	if (res->failed_test > 0)
		sqlite3_bind_int(s, 7, res->failed_test);
	sqlite3_bind_int(s, 8, res->total_tests);
	sqlite3_bind_int64(s, 9, now_ms());
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if (sqlite3_changes(c->db) == 0) {
		/* Not running (any more): someone else finished it. */
		rc = STORE_NOTFOUND;
		goto out;
	}
	if ((s = stmt(c, S_SUB_STATS)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if ((s = stmt(c, S_SUB_DEL_TESTS)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE || (s = stmt(c, S_SUB_INS_TEST)) == NULL)
		goto out;
	for (i = 0; i < res->ntests; i++) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (int64_t)i);
		bind_text(s, 3, res->tests[i].verdict);
		sqlite3_bind_int64(s, 4, res->tests[i].cpu_ms);
		sqlite3_bind_int64(s, 5, res->tests[i].wall_ms);
		sqlite3_bind_int64(s, 6, (int64_t)res->tests[i].memory_kb);
		r = sqlite3_step(s);
		done(s);
		if (r != SQLITE_DONE)
			goto out;
	}
	if (exec1(c, S_COMMIT) != 0)
		goto out;
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: finish %lld: %s", (long long)id, sqlerr(c));
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_requeue_running(struct store *st, size_t *n)
{
	struct conn  *c = conn_get(st);
	enum store_rc rc = STORE_ERR;

	*n = 0;
	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_SUB_REQUEUE) == 0) {
		*n = (size_t)sqlite3_changes(c->db);
		rc = STORE_OK;
	}
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_get(struct store *st, int64_t id, bool with_tests,
    struct store_submission **out)
{
	struct conn		*c = conn_get(st);
	sqlite3_stmt		*s;
	struct store_submission *sub = NULL;
	enum store_rc		 rc = STORE_ERR;
	int			 r;

	*out = NULL;
	if (c == NULL)
		return STORE_ERR;
	if (run_script(c->db, "BEGIN") != 0 ||
	    (s = stmt(c, S_SUB_GET)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		sub = xcalloc(1, sizeof(*sub));
		read_submission(s, sub);
		sub->code = col_str(s, SUB_CODE_COL);
	}
	done(s);
	if (r == SQLITE_DONE) {
		rc = STORE_NOTFOUND;
		goto out;
	}
	if (r != SQLITE_ROW)
		goto out;
	if (with_tests) {
		if ((s = stmt(c, S_SUB_TESTS)) == NULL)
			goto out;
		sqlite3_bind_int64(s, 1, id);
		while ((r = sqlite3_step(s)) == SQLITE_ROW) {
			struct store_test_result *t;

			sub->tests = xrealloc(sub->tests,
			    (sub->ntests + 1) * sizeof(*sub->tests));
			t = &sub->tests[sub->ntests++];
			t->verdict = col_str(s, 0);
			t->cpu_ms = (uint32_t)sqlite3_column_int64(s, 1);
			t->wall_ms = (uint32_t)sqlite3_column_int64(s, 2);
			t->memory_kb = (uint64_t)sqlite3_column_int64(s, 3);
		}
		done(s);
		if (r != SQLITE_DONE)
			goto out;
	}
	*out = sub;
	sub = NULL;
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: get %lld: %s", (long long)id, sqlerr(c));
	store_submission_free(sub);
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_list(struct store *st, const char *problem, int64_t user_id,
    int64_t before, size_t limit, struct store_submission_list *out)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int	      r;

	out->items = NULL;
	out->n = 0;
	if (c == NULL || (s = stmt(c, user_id > 0 ? S_SUB_LIST_USER
						  : S_SUB_LIST)) == NULL)
		goto out;
	bind_text(s, 1, problem);
	sqlite3_bind_int64(s, 2, before);
	sqlite3_bind_int64(s, 3, (int64_t)limit);
	if (user_id > 0)
		sqlite3_bind_int64(s, 4, user_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		out->items = xrealloc(out->items,
		    (out->n + 1) * sizeof(*out->items));
		memset(&out->items[out->n], 0, sizeof(out->items[0]));
		read_submission(s, &out->items[out->n]);
		out->n++;
	}
	done(s);
	if (r == SQLITE_DONE)
		rc = STORE_OK;
	else
		log_warnx("store: list submissions: %s", sqlerr(c));
out:
	if (rc != STORE_OK)
		store_submission_list_free(out);
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_counts(struct store *st, int64_t *queued, int64_t *running,
    int64_t *ndone)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int	      r;

	*queued = *running = *ndone = 0;
	if (c == NULL || (s = stmt(c, S_SUB_COUNTS)) == NULL)
		goto out;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(s, 1);

		switch (status_of((const char *)sqlite3_column_text(s, 0))) {
		case STORE_QUEUED:
			*queued = n;
			break;
		case STORE_RUNNING:
			*running = n;
			break;
		case STORE_DONE:
			*ndone = n;
			break;
		}
	}
	done(s);
	if (r == SQLITE_DONE)
		rc = STORE_OK;
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_beats(struct store *st, int64_t id, double *time,
    double *memory)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int64_t	      others, slower, bigger;
	int	      r;

	*time = *memory = 0;
	if (c == NULL || (s = stmt(c, S_SUB_BEATS)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		others = sqlite3_column_int64(s, 0);
		slower = sqlite3_column_int64(s, 1);
		bigger = sqlite3_column_int64(s, 2);
		if (others == 0) {
			*time = *memory = 100.0;
		} else {
			*time = 100.0 * (double)slower / (double)others;
			*memory = 100.0 * (double)bigger / (double)others;
		}
		rc = STORE_OK;
	} else if (r == SQLITE_DONE) {
		rc = STORE_NOTFOUND;
	}
	done(s);
out:
	return conn_put(st, c, rc);
}

/*** Users, sessions, API tokens *******************************************/

/* Fill the USER_COLS columns of a row into a struct store_user. */
static void
read_user(sqlite3_stmt *s, void *item)
{
	struct store_user *u = item;

	u->id = sqlite3_column_int64(s, 0);
	u->name = col_str(s, 1);
	u->admin = sqlite3_column_int(s, 2) != 0;
	u->disabled = sqlite3_column_int(s, 3) != 0;
	u->created_ms = sqlite3_column_int64(s, 4);
}

static void
read_token(sqlite3_stmt *s, void *item)
{
	struct store_token *t = item;

	t->id = sqlite3_column_int64(s, 0);
	t->name = col_str(s, 1);
	t->created_ms = sqlite3_column_int64(s, 2);
	t->last_used_ms = sqlite3_column_int64(s, 3);
}

static void
user_clear(void *item)
{
	struct store_user *u = item;

	free(u->name);
	free(u->pwhash);
}

static void
token_clear(void *item)
{
	free(((struct store_token *)item)->name);
}

/*
 * Step s to its end, appending to *items (n of them, size bytes each)
 * one zeroed item per row, filled by read. 0, or -1 on a failed step.
 */
static int
collect_rows(sqlite3_stmt *s, size_t size,
    void (*read)(sqlite3_stmt *, void *), void **items, size_t *n)
{
	char *item;
	int   r;

	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		*items = xrealloc(*items, (*n + 1) * size);
		item = (char *)*items + *n * size;
		memset(item, 0, size);
		read(s, item);
		(*n)++;
	}
	done(s);
	return r == SQLITE_DONE ? 0 : -1;
}

/* Clear each of the n items (size bytes each) and free the array. */
static void
free_rows(void *items, size_t n, size_t size, void (*clear)(void *))
{
	size_t i;

	for (i = 0; i < n; i++)
		clear((char *)items + i * size);
	free(items);
}

/*
 * Step a bound statement that returns at most one row: STORE_OK with the
 * row to read (then done(s)), STORE_NOTFOUND, or STORE_ERR (logged).
 */
static enum store_rc
step_one(struct conn *c, sqlite3_stmt *s, const char *what)
{
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		return STORE_OK;
	case SQLITE_DONE:
		done(s);
		return STORE_NOTFOUND;
	default:
		log_warnx("store: %s: %s", what, sqlerr(c));
		done(s);
		return STORE_ERR;
	}
}

void
store_user_free(struct store_user *u)
{
	if (u == NULL)
		return;
	user_clear(u);
	free(u);
}

void
store_user_list_free(struct store_user_list *l)
{
	if (l == NULL)
		return;
	free_rows(l->items, l->n, sizeof(*l->items), user_clear);
	l->items = NULL;
	l->n = 0;
}

void
store_token_list_free(struct store_token_list *l)
{
	if (l == NULL)
		return;
	free_rows(l->items, l->n, sizeof(*l->items), token_clear);
	l->items = NULL;
	l->n = 0;
}

/*
 * Step a write statement that is already bound: STORE_OK, STORE_CONFLICT
 * on a unique constraint, else STORE_ERR (logged with what).
 */
static enum store_rc
step_write(struct conn *c, sqlite3_stmt *s, const char *what)
{
	int r = sqlite3_step(s);

	done(s);
	if (r == SQLITE_DONE)
		return STORE_OK;
	if (sqlite3_extended_errcode(c->db) == SQLITE_CONSTRAINT_UNIQUE ||
	    sqlite3_extended_errcode(c->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
		return STORE_CONFLICT;
	log_warnx("store: %s: %s", what, sqlerr(c));
	return STORE_ERR;
}

enum store_rc
store_user_add(struct store *st, const char *name, const char *pwhash,
    bool admin, int64_t *id)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	*id = 0;
	if (c == NULL || (s = stmt(c, S_USER_INSERT)) == NULL)
		goto out;
	bind_text(s, 1, name);
	bind_text(s, 2, pwhash);
	sqlite3_bind_int(s, 3, admin ? 1 : 0);
	sqlite3_bind_int64(s, 4, now_ms());
	if ((rc = step_write(c, s, "add user")) == STORE_OK)
		*id = sqlite3_last_insert_rowid(c->db);
out:
	return conn_put(st, c, rc);
}

/* One user row (USER_COLS + pwhash) by name, or by uid when name is NULL. */
static enum store_rc
user_get(struct store *st, enum stmt_id id, const char *name, int64_t uid,
    struct store_user **out)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	*out = NULL;
	if (c == NULL || (s = stmt(c, id)) == NULL)
		goto out;
	if (name != NULL)
		bind_text(s, 1, name);
	else
		sqlite3_bind_int64(s, 1, uid);
	if ((rc = step_one(c, s, "get user")) == STORE_OK) {
		*out = xcalloc(1, sizeof(**out));
		read_user(s, *out);
		(*out)->pwhash = col_str(s, 5);
		done(s);
	}
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_user_get(struct store *st, const char *name, struct store_user **out)
{
	return user_get(st, S_USER_BY_NAME, name, 0, out);
}

enum store_rc
store_user_get_id(struct store *st, int64_t id, struct store_user **out)
{
	return user_get(st, S_USER_BY_ID, NULL, id, out);
}

/*
 * The rows of statement id (bound to uid as ?1 when uid > 0), read into
 * a fresh array *items of *n items of size bytes, freed on failure.
 */
static enum store_rc
list_rows(struct store *st, enum stmt_id id, int64_t uid, size_t size,
    void (*read)(sqlite3_stmt *, void *), void (*clear)(void *),
    void **items, size_t *n)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	*items = NULL;
	*n = 0;
	if (c == NULL || (s = stmt(c, id)) == NULL)
		goto out;
	if (uid > 0)
		sqlite3_bind_int64(s, 1, uid);
	if (collect_rows(s, size, read, items, n) == 0)
		rc = STORE_OK;
	else
		log_warnx("store: list %d: %s", (int)id, sqlerr(c));
out:
	if (rc != STORE_OK) {
		free_rows(*items, *n, size, clear);
		*items = NULL;
		*n = 0;
	}
	return conn_put(st, c, rc);
}

enum store_rc
store_user_list(struct store *st, struct store_user_list *out)
{
	return list_rows(st, S_USER_LIST, 0, sizeof(*out->items), read_user,
	    user_clear, (void **)&out->items, &out->n);
}

/* End the sessions of user uid but keep (NULL: all). Inside a transaction. */
static int
end_sessions(struct conn *c, int64_t uid, const char *keep)
{
	sqlite3_stmt *s = stmt(c, S_SESS_DELETE_USER);
	int	      r;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, uid);
	bind_text(s, 2, keep);
	r = sqlite3_step(s);
	done(s);
	return r == SQLITE_DONE ? 0 : -1;
}

enum store_rc
store_user_set_disabled(struct store *st, const char *name, bool disabled)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int64_t	      uid = 0;
	int	      r;

	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_BEGIN) != 0 || (s = stmt(c, S_USER_DISABLE)) == NULL)
		goto out;
	bind_text(s, 1, name);
	sqlite3_bind_int(s, 2, disabled ? 1 : 0);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		uid = sqlite3_column_int64(s, 0);
		r = sqlite3_step(s);
	}
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if (uid == 0) {
		rc = STORE_NOTFOUND;
		goto out;
	}
	if ((disabled && end_sessions(c, uid, NULL) != 0) ||
	    exec1(c, S_COMMIT) != 0)
		goto out;
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: disable user: %s", sqlerr(c));
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_user_set_password(struct store *st, int64_t id, const char *pwhash,
    const char *keep)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int	      r;

	if (c == NULL)
		return STORE_ERR;
	if (exec1(c, S_BEGIN) != 0 || (s = stmt(c, S_USER_PASSWORD)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, pwhash);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE)
		goto out;
	if (sqlite3_changes(c->db) == 0) {
		rc = STORE_NOTFOUND;
		goto out;
	}
	if (end_sessions(c, id, keep) != 0 || exec1(c, S_COMMIT) != 0)
		goto out;
	rc = STORE_OK;
out:
	if (rc == STORE_ERR)
		log_warnx("store: set password: %s", sqlerr(c));
	rollback(c);
	return conn_put(st, c, rc);
}

enum store_rc
store_session_add(struct store *st, const char *hash, int64_t user_id,
    const char *csrf, int64_t expires_ms)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	if (c == NULL || (s = stmt(c, S_SESS_INSERT)) == NULL)
		goto out;
	bind_text(s, 1, hash);
	sqlite3_bind_int64(s, 2, user_id);
	bind_text(s, 3, csrf);
	sqlite3_bind_int64(s, 4, now_ms());
	sqlite3_bind_int64(s, 5, expires_ms);
	rc = step_write(c, s, "add session");
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_session_get(struct store *st, const char *hash,
    struct store_user **user, char **csrf)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	*user = NULL;
	*csrf = NULL;
	if (c == NULL || (s = stmt(c, S_SESS_GET)) == NULL)
		goto out;
	bind_text(s, 1, hash);
	sqlite3_bind_int64(s, 2, now_ms());
	if ((rc = step_one(c, s, "get session")) == STORE_OK) {
		*user = xcalloc(1, sizeof(**user));
		read_user(s, *user);
		*csrf = col_str(s, 5);
		done(s);
	}
out:
	return conn_put(st, c, rc);
}

/* Run a one-parameter write statement; *n gets the rows it changed. */
static enum store_rc
write1(struct store *st, enum stmt_id id, const char *text, int64_t num,
    size_t *n)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	if (c == NULL || (s = stmt(c, id)) == NULL)
		goto out;
	if (text != NULL)
		bind_text(s, 1, text);
	else
		sqlite3_bind_int64(s, 1, num);
	if ((rc = step_write(c, s, "write")) == STORE_OK && n != NULL)
		*n = (size_t)sqlite3_changes(c->db);
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_session_delete(struct store *st, const char *hash)
{
	return write1(st, S_SESS_DELETE, hash, 0, NULL);
}

enum store_rc
store_session_purge(struct store *st, size_t *n)
{
	*n = 0;
	return write1(st, S_SESS_PURGE, NULL, now_ms(), n);
}

enum store_rc
store_token_add(struct store *st, int64_t user_id, const char *name,
    const char *hash, int64_t *id)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	*id = 0;
	if (c == NULL || (s = stmt(c, S_TOK_INSERT)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, user_id);
	bind_text(s, 2, name);
	bind_text(s, 3, hash);
	sqlite3_bind_int64(s, 4, now_ms());
	if ((rc = step_write(c, s, "add token")) == STORE_OK)
		*id = sqlite3_last_insert_rowid(c->db);
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_token_list(struct store *st, int64_t user_id,
    struct store_token_list *out)
{
	return list_rows(st, S_TOK_LIST, user_id, sizeof(*out->items),
	    read_token, token_clear, (void **)&out->items, &out->n);
}

enum store_rc
store_token_revoke(struct store *st, int64_t user_id, int64_t id)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;

	if (c == NULL || (s = stmt(c, S_TOK_REVOKE)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, user_id);
	sqlite3_bind_int64(s, 3, now_ms());
	if ((rc = step_write(c, s, "revoke token")) == STORE_OK &&
	    sqlite3_changes(c->db) == 0)
		rc = STORE_NOTFOUND;
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_token_use(struct store *st, const char *hash, struct store_user **user)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int64_t	      tid = 0, last = 0, now = now_ms();

	*user = NULL;
	if (c == NULL || (s = stmt(c, S_TOK_GET)) == NULL)
		goto out;
	bind_text(s, 1, hash);
	if ((rc = step_one(c, s, "use token")) == STORE_OK) {
		*user = xcalloc(1, sizeof(**user));
		read_user(s, *user);
		tid = sqlite3_column_int64(s, 5);
		last = sqlite3_column_int64(s, 6);
		done(s);
	}
	if (rc == STORE_OK && now - last >= 60000 &&
	    (s = stmt(c, S_TOK_TOUCH)) != NULL) {
		/* Best effort: a failed touch does not refuse the request. */
		sqlite3_bind_int64(s, 1, tid);
		sqlite3_bind_int64(s, 2, now);
		step_write(c, s, "touch token");
	}
out:
	return conn_put(st, c, rc);
}

enum store_rc
store_submission_rejudge(struct store *st, const char *problem,
    int64_t **ids, size_t *n)
{
	struct conn  *c = conn_get(st);
	sqlite3_stmt *s;
	enum store_rc rc = STORE_ERR;
	int64_t	     *v = NULL;
	size_t	      k = 0;
	int	      r;

	*ids = NULL;
	*n = 0;
	if (c == NULL)
		return STORE_ERR;
	/* One transaction: the counters and the queue move together. */
	if (exec1(c, S_BEGIN) != 0 ||
	    (s = stmt(c, S_SUB_REJUDGE_STATS)) == NULL)
		goto out;
	bind_text(s, 1, problem);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE || (s = stmt(c, S_SUB_REJUDGE_TESTS)) == NULL)
		goto out;
	bind_text(s, 1, problem);
	r = sqlite3_step(s);
	done(s);
	if (r != SQLITE_DONE || (s = stmt(c, S_SUB_REJUDGE)) == NULL)
		goto out;
	bind_text(s, 1, problem);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	if (r != SQLITE_DONE || exec1(c, S_COMMIT) != 0)
		goto out;
	*ids = v;
	*n = k;
	v = NULL;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		log_warnx("store: rejudge %s: %s", problem, sqlerr(c));
	free(v);
	rollback(c);
	return conn_put(st, c, rc);
}
