/*
 * tests/unit/server/test_store.c -- the SQLite store (src/store/) against
 * a temporary database: migrations, problems with hidden tests, the
 * submission queue, history paging, beats, injected faults, hidden
 * problems, rejudging, and a disk that fills up (a VFS that fails writes).
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

static char	     dir[] = "/tmp/gavel-store-XXXXXX";
static char	     path[256];
static struct store *st;

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	st = store_open(path);
	cr_assert_not_null(st);
}

static void
teardown(void)
{
	char cmd[300];

	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(store, .init = setup, .fini = teardown);

static struct store_test
tcase(const char *name, const char *in, const char *ans)
{
	struct store_test t = { (char *)name, (char *)in, strlen(in),
		(char *)ans, strlen(ans) };

	return t;
}

static void
put_problem(const char *slug, const char *hash, const char *tags)
{
	struct store_test    samples[] = { tcase("01", "1\n2\n", "3\n") };
	struct store_test    secret[] = { tcase("01", "7\n8\n", "15\n"),
		   tcase("02", "a\0b", "x") };
	struct store_problem p = { 0 };
	bool		     changed;

	secret[1].input_len = 3; /* with its NUL byte */
	p.slug = (char *)slug;
	p.title = (char *)"Title";
	p.difficulty = (char *)"Easy";
	p.kind = (char *)"function";
	p.tags_json = (char *)tags;
	p.statement = (char *)"# S";
	p.starter_json = (char *)"{\"python3\":\"pass\"}";
	p.dir = (char *)"/nowhere";
	p.content_hash = (char *)hash;
	p.time_ms = 1000;
	p.memory_mb = 64;
	p.samples = samples;
	p.nsamples = 1;
	p.secret = secret;
	p.nsecret = 2;
	cr_assert_eq(store_problem_put(st, &p, &changed), STORE_OK);
}

Test(store, migrations_are_applied_once)
{
	struct store *again;

	cr_assert_eq(store_schema_version(st), 4);
	again = store_open(path);
	cr_assert_not_null(again);
	cr_assert_eq(store_schema_version(again), 4);
	store_close(again);
}

Test(store, problem_roundtrip_with_hidden_tests)
{
	struct store_problem *p;

	put_problem("two-sum", "h1", "[\"Array\",\"Hash Table\"]");
	cr_assert_eq(store_problem_get(st, "two-sum", true, false, &p),
	    STORE_OK);
	cr_assert_str_eq(p->title, "Title");
	cr_assert_eq(p->nsamples, 1);
	cr_assert_eq(p->nsecret, 0, "secret tests only when asked");
	cr_assert_str_eq(p->samples[0].answer, "3\n");
	store_problem_free(p);

	cr_assert_eq(store_problem_get(st, "two-sum", true, true, &p),
	    STORE_OK);
	cr_assert_eq(p->nsecret, 2);
	cr_assert_eq(p->secret[1].input_len, 3);
	cr_assert_eq(memcmp(p->secret[1].input, "a\0b", 3), 0);
	store_problem_free(p);
	cr_assert_eq(store_problem_get(st, "nope", false, false, &p),
	    STORE_NOTFOUND);
}

Test(store, put_skips_unchanged_hash)
{
	struct store_problem p = { 0 }, *got;
	bool		     changed;
	char		    *h;

	put_problem("a", "h1", "[]");
	p.slug = (char *)"a";
	p.title = (char *)"Other";
	p.content_hash = (char *)"h1";
	cr_assert_eq(store_problem_put(st, &p, &changed), STORE_OK);
	cr_assert_not(changed);
	p.content_hash = (char *)"h2";
	cr_assert_eq(store_problem_put(st, &p, &changed), STORE_OK);
	cr_assert(changed);
	cr_assert_eq(store_problem_get(st, "a", true, true, &got), STORE_OK);
	cr_assert_str_eq(got->title, "Other");
	cr_assert_eq(got->nsecret, 0, "old tests replaced");
	store_problem_free(got);
	cr_assert_eq(store_problem_hash(st, "a", &h), STORE_OK);
	cr_assert_str_eq(h, "h2");
	free(h);
}

Test(store, list_filters_and_retire)
{
	struct store_problem_list   l;
	struct store_problem_filter f = { 0 };
	const char		   *keep[] = { "b" };
	size_t			    n;

	put_problem("a", "1", "[\"Array\"]");
	put_problem("b", "1", "[\"Math\"]");
	cr_assert_eq(store_problem_list(st, NULL, &l), STORE_OK);
	cr_assert_eq(l.n, 2);
	store_problem_list_free(&l);
	f.tag = "array";
	cr_assert_eq(store_problem_list(st, &f, &l), STORE_OK);
	cr_assert_eq(l.n, 1);
	cr_assert_str_eq(l.items[0].slug, "a");
	store_problem_list_free(&l);
	f.tag = NULL;
	f.q = "%";
	cr_assert_eq(store_problem_list(st, &f, &l), STORE_OK);
	cr_assert_eq(l.n, 0, "LIKE wildcards are escaped");
	store_problem_list_free(&l);
	f.q = "' OR 1=1 --";
	cr_assert_eq(store_problem_list(st, &f, &l), STORE_OK);
	cr_assert_eq(l.n, 0);
	store_problem_list_free(&l);

	cr_assert_eq(store_problem_retire_others(st, keep, 1, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(store_problem_list(st, NULL, &l), STORE_OK);
	cr_assert_eq(l.n, 1);
	cr_assert_str_eq(l.items[0].slug, "b");
	store_problem_list_free(&l);
}

static int64_t
add(const char *client, const struct store_limits *lim)
{
	const char *why;
	int64_t	    id;

	cr_assert_eq(store_submission_add(st, "a", "python3", "code", 4,
			 client, 0, lim, &id, &why),
	    STORE_OK);
	return id;
}

static void
finish(int64_t id, const char *verdict, uint32_t cpu, uint64_t mem)
{
	struct store_test_result t[2] = { { (char *)"AC", 1, 2, 3 },
		{ (char *)verdict, cpu, cpu, mem } };
	struct store_result	 r = { .verdict = verdict, .cpu_ms = cpu,
		     .memory_kb = mem, .total_tests = 2, .tests = t,
		     .ntests = 2 };

	cr_assert_eq(store_submission_finish(st, id, &r), STORE_OK);
}

Test(store, queue_claims_in_order_once)
{
	struct store_submission *s, *s2;
	int64_t			 a = add("c", NULL), b = add("c", NULL);

	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, a);
	cr_assert_eq(s->status, STORE_RUNNING);
	cr_assert_eq(s->attempts, 1);
	cr_assert_str_eq(s->code, "code");
	cr_assert_eq(store_submission_claim(st, &s2), STORE_OK);
	cr_assert_eq(s2->id, b);
	store_submission_free(s2);
	cr_assert_eq(store_submission_claim(st, &s2), STORE_NOTFOUND);
	cr_assert_null(s2);

	finish(a, "AC", 10, 100);
	cr_assert_eq(store_submission_finish(st, a, &(struct store_result){
			 .verdict = "WA" }),
	    STORE_NOTFOUND, "done is final");
	store_submission_free(s);
	cr_assert_eq(store_submission_get(st, a, true, &s), STORE_OK);
	cr_assert_eq(s->status, STORE_DONE);
	cr_assert_str_eq(s->verdict, "AC");
	cr_assert_eq(s->ntests, 2);
	cr_assert_eq(s->tests[1].cpu_ms, 10);
	store_submission_free(s);
}

Test(store, requeue_after_crash)
{
	struct store_submission *s;
	size_t			 n;
	int64_t			 a = add("c", NULL);

	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	store_submission_free(s);
	cr_assert_eq(store_submission_requeue_running(st, &n), STORE_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, a);
	cr_assert_eq(s->attempts, 2);
	store_submission_free(s);
}

Test(store, limits)
{
	struct store_limits lim = { .max_queued = 3, .max_per_client = 2 };
	const char	   *why;
	int64_t		    id;

	add("x", &lim);
	add("x", &lim);
	cr_assert_eq(store_submission_add(st, "a", "python3", "c", 1, "x", 0,
			 &lim, &id, &why),
	    STORE_FULL);
	cr_assert_str_eq(why, "client");
	add("y", &lim);
	cr_assert_eq(store_submission_add(st, "a", "python3", "c", 1, "z", 0,
			 &lim, &id, &why),
	    STORE_FULL);
	cr_assert_str_eq(why, "queue");
}

Test(store, history_pages)
{
	struct store_submission_list l;
	int64_t			     ids[7];
	int			     i;

	for (i = 0; i < 7; i++)
		ids[i] = add("c", NULL);
	cr_assert_eq(store_submission_list(st, NULL, 0, 0, 3, &l), STORE_OK);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(l.items[0].id, ids[6]);
	cr_assert_eq(l.items[2].id, ids[4]);
	cr_assert_null(l.items[0].code);
	store_submission_list_free(&l);
	cr_assert_eq(store_submission_list(st, NULL, 0, ids[4], 3, &l), STORE_OK);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(l.items[0].id, ids[3]);
	store_submission_list_free(&l);
	cr_assert_eq(store_submission_list(st, "other", 0, 0, 3, &l), STORE_OK);
	cr_assert_eq(l.n, 0);
	store_submission_list_free(&l);
}

Test(store, beats)
{
	struct store_submission *s;
	int64_t			 ids[4];
	double			 t, m;
	int			 i;

	for (i = 0; i < 4; i++)
		ids[i] = add("c", NULL);
	for (i = 0; i < 4; i++) {
		cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
		store_submission_free(s);
	}
	finish(ids[0], "AC", 10, 500);
	cr_assert_eq(store_submission_beats(st, ids[0], &t, &m), STORE_OK);
	cr_assert_float_eq(t, 100.0, 1e-9, "alone: 100");
	finish(ids[1], "AC", 20, 400);
	finish(ids[2], "AC", 30, 300);
	finish(ids[3], "WA", 99, 999);
	cr_assert_eq(store_submission_beats(st, ids[0], &t, &m), STORE_OK);
	cr_assert_float_eq(t, 100.0, 1e-9);
	cr_assert_float_eq(m, 0.0, 1e-9);
	cr_assert_eq(store_submission_beats(st, ids[1], &t, &m), STORE_OK);
	cr_assert_float_eq(t, 50.0, 1e-9);
	cr_assert_float_eq(m, 50.0, 1e-9);
	cr_assert_eq(store_submission_beats(st, ids[3], &t, &m),
	    STORE_NOTFOUND, "only accepted submissions have beats");
}

struct claimer {
	int	n;
	int64_t got[64];
};

static void *
claim_all(void *arg)
{
	struct claimer		*c = arg;
	struct store_submission *s;

	while (store_submission_claim(st, &s) == STORE_OK) {
		c->got[c->n++] = s->id;
		store_submission_free(s);
	}
	return NULL;
}

Test(store, concurrent_claims_never_share)
{
	struct claimer c[4];
	pthread_t      t[4];
	int	       i, j, total = 0;
	char	       seen[100] = { 0 };

	for (i = 0; i < 60; i++)
		add("c", NULL);
	memset(c, 0, sizeof(c));
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, claim_all, &c[i]);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 4; i++)
		for (j = 0; j < c[i].n; j++) {
			cr_assert_eq(seen[c[i].got[j]], 0, "claimed twice");
			seen[c[i].got[j]] = 1;
			total++;
		}
	cr_assert_eq(total, 60);
}

Test(store, injected_faults)
{
	struct store_submission *s;
	int64_t			 q, r, d;

	store_inject_faults(st, 1);
	cr_assert_eq(store_submission_claim(st, &s), STORE_ERR);
	cr_assert_null(s);
	cr_assert_eq(store_submission_counts(st, &q, &r, &d), STORE_OK);
}

Test(store, problem_counters_follow_finished_submissions)
{
	struct store_submission *s;
	struct store_problem	*p;
	int64_t			 a, b;

	put_problem("a", "1", "[]");
	a = add("c", NULL);
	b = add("c", NULL);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	store_submission_free(s);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	store_submission_free(s);
	finish(a, "AC", 1, 1);
	finish(b, "WA", 1, 1);
	cr_assert_eq(store_problem_get(st, "a", false, false, &p), STORE_OK);
	cr_assert_eq(p->submissions, 2);
	cr_assert_eq(p->accepted, 1);
	store_problem_free(p);
}

Test(store, users_are_unique_ignoring_case)
{
	struct store_user     *u;
	struct store_user_list l;
	int64_t		       a, b;

	cr_assert_eq(store_user_add(st, "Ada", "$hash-a", true, &a), STORE_OK);
	cr_assert_eq(store_user_add(st, "bob", "$hash-b", false, &b),
	    STORE_OK);
	cr_assert_neq(a, b);
	cr_assert_eq(store_user_add(st, "ADA", "$x", false, &b),
	    STORE_CONFLICT);
	cr_assert_eq(store_user_get(st, "aDa", &u), STORE_OK);
	cr_assert_eq(u->id, a);
	cr_assert_str_eq(u->name, "Ada");
	cr_assert_str_eq(u->pwhash, "$hash-a");
	cr_assert(u->admin);
	cr_assert_not(u->disabled);
	cr_assert_gt(u->created_ms, 0);
	store_user_free(u);
	cr_assert_eq(store_user_get(st, "nobody", &u), STORE_NOTFOUND);
	cr_assert_null(u);
	cr_assert_eq(store_user_get_id(st, a + 100, &u), STORE_NOTFOUND);
	cr_assert_eq(store_user_list(st, &l), STORE_OK);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.items[1].name, "bob");
	cr_assert_null(l.items[1].pwhash);
	store_user_list_free(&l);
}

Test(store, sessions_expire_and_end)
{
	struct store_user *u;
	char		  *csrf;
	int64_t		   uid, now = (int64_t)time(NULL) * 1000;
	size_t		   n;

	cr_assert_eq(store_user_add(st, "ada", "$h", false, &uid), STORE_OK);
	cr_assert_eq(store_session_add(st, "s1", uid, "c1", now + 60000),
	    STORE_OK);
	cr_assert_eq(store_session_add(st, "s2", uid, "c2", now + 60000),
	    STORE_OK);
	cr_assert_eq(store_session_add(st, "old", uid, "c3", now - 1),
	    STORE_OK);
	cr_assert_eq(store_session_get(st, "s1", &u, &csrf), STORE_OK);
	cr_assert_eq(u->id, uid);
	cr_assert_str_eq(csrf, "c1");
	store_user_free(u);
	free(csrf);
	cr_assert_eq(store_session_get(st, "old", &u, &csrf), STORE_NOTFOUND,
	    "expired");
	cr_assert_eq(store_session_get(st, "nope", &u, &csrf), STORE_NOTFOUND);
	cr_assert_eq(store_session_purge(st, &n), STORE_OK);
	cr_assert_eq(n, 1);
	/* A password change ends every session but the one kept. */
	cr_assert_eq(store_user_set_password(st, uid, "$h2", "s1"), STORE_OK);
	cr_assert_eq(store_session_get(st, "s2", &u, &csrf), STORE_NOTFOUND);
	cr_assert_eq(store_session_get(st, "s1", &u, &csrf), STORE_OK);
	store_user_free(u);
	free(csrf);
	cr_assert_eq(store_session_delete(st, "s1"), STORE_OK);
	cr_assert_eq(store_session_get(st, "s1", &u, &csrf), STORE_NOTFOUND);
	cr_assert_eq(store_user_get_id(st, uid, &u), STORE_OK);
	cr_assert_str_eq(u->pwhash, "$h2");
	store_user_free(u);
	cr_assert_eq(store_user_set_password(st, uid + 9, "$h", NULL),
	    STORE_NOTFOUND);
}

Test(store, disabling_ends_sessions)
{
	struct store_user *u;
	char		  *csrf;
	int64_t		   uid, now = (int64_t)time(NULL) * 1000;

	cr_assert_eq(store_user_add(st, "ada", "$h", false, &uid), STORE_OK);
	cr_assert_eq(store_session_add(st, "s1", uid, "c1", now + 60000),
	    STORE_OK);
	cr_assert_eq(store_user_set_disabled(st, "ADA", true), STORE_OK);
	cr_assert_eq(store_session_get(st, "s1", &u, &csrf), STORE_NOTFOUND);
	cr_assert_eq(store_user_get(st, "ada", &u), STORE_OK);
	cr_assert(u->disabled);
	store_user_free(u);
	cr_assert_eq(store_user_set_disabled(st, "ada", false), STORE_OK);
	cr_assert_eq(store_user_get(st, "ada", &u), STORE_OK);
	cr_assert_not(u->disabled);
	store_user_free(u);
	cr_assert_eq(store_user_set_disabled(st, "nobody", true),
	    STORE_NOTFOUND);
}

Test(store, tokens_until_revoked)
{
	struct store_token_list l;
	struct store_user      *u;
	int64_t			a, b, t1, t2;

	cr_assert_eq(store_user_add(st, "ada", "$h", false, &a), STORE_OK);
	cr_assert_eq(store_user_add(st, "bob", "$h", false, &b), STORE_OK);
	cr_assert_eq(store_token_add(st, a, "ci", "hash1", &t1), STORE_OK);
	cr_assert_eq(store_token_add(st, a, "laptop", "hash2", &t2), STORE_OK);
	cr_assert_eq(store_token_add(st, b, "dup", "hash1", &t2),
	    STORE_CONFLICT);
	cr_assert_eq(store_token_list(st, a, &l), STORE_OK);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.items[0].name, "ci");
	cr_assert_eq(l.items[0].last_used_ms, 0);
	store_token_list_free(&l);
	cr_assert_eq(store_token_use(st, "hash1", &u), STORE_OK);
	cr_assert_eq(u->id, a);
	store_user_free(u);
	cr_assert_eq(store_token_list(st, a, &l), STORE_OK);
	cr_assert_gt(l.items[0].last_used_ms, 0, "the use is recorded");
	store_token_list_free(&l);
	cr_assert_eq(store_token_revoke(st, b, t1), STORE_NOTFOUND,
	    "not bob's");
	cr_assert_eq(store_token_revoke(st, a, t1), STORE_OK);
	cr_assert_eq(store_token_revoke(st, a, t1), STORE_NOTFOUND);
	cr_assert_eq(store_token_use(st, "hash1", &u), STORE_NOTFOUND);
	cr_assert_eq(store_token_list(st, a, &l), STORE_OK);
	cr_assert_eq(l.n, 1);
	store_token_list_free(&l);
}

Test(store, submissions_have_owners)
{
	struct store_submission_list l;
	struct store_submission	    *s;
	const char		    *why;
	int64_t			     ada, bob, id1, id2, old;

	cr_assert_eq(store_user_add(st, "ada", "$h", false, &ada), STORE_OK);
	cr_assert_eq(store_user_add(st, "bob", "$h", false, &bob), STORE_OK);
	old = add("c", NULL);
	cr_assert_eq(store_submission_add(st, "a", "python3", "x", 1, "c", ada,
			 NULL, &id1, &why),
	    STORE_OK);
	cr_assert_eq(store_submission_add(st, "a", "python3", "y", 1, "c", bob,
			 NULL, &id2, &why),
	    STORE_OK);
	cr_assert_eq(store_submission_get(st, id1, false, &s), STORE_OK);
	cr_assert_eq(s->user_id, ada);
	cr_assert_str_eq(s->user, "ada");
	store_submission_free(s);
	cr_assert_eq(store_submission_get(st, old, false, &s), STORE_OK);
	cr_assert_eq(s->user_id, 0);
	cr_assert_null(s->user);
	store_submission_free(s);
	cr_assert_eq(store_submission_list(st, NULL, bob, 0, 10, &l), STORE_OK);
	cr_assert_eq(l.n, 1);
	cr_assert_eq(l.items[0].id, id2);
	cr_assert_str_eq(l.items[0].user, "bob");
	store_submission_list_free(&l);
	cr_assert_eq(store_submission_list(st, NULL, 0, 0, 10, &l), STORE_OK);
	cr_assert_eq(l.n, 3);
	store_submission_list_free(&l);
	/* A worker's claim carries the owner too. */
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, old);
	store_submission_free(s);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_str_eq(s->user, "ada");
	store_submission_free(s);
}

Test(store, migration_3_upgrades_a_version_2_database)
{
	struct store_submission *sub;
	sqlite3			*db;
	int64_t			 id = add("c", NULL);

	/* Take the database back to version 2, as an older gavel left it. */
	store_close(st);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db,
			 "DROP INDEX submissions_user;"
			 "ALTER TABLE submissions DROP COLUMN user_id;"
			 "DROP TABLE api_tokens; DROP TABLE sessions;"
			 "DROP TABLE users;"
			 "ALTER TABLE problems DROP COLUMN hidden;"
			 "ALTER TABLE problems DROP COLUMN authored;"
			 "DELETE FROM schema_migrations WHERE version >= 3;",
			 NULL, NULL, NULL),
	    SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
	st = store_open(path);
	cr_assert_not_null(st);
	cr_assert_eq(store_schema_version(st), 4);
	cr_assert_eq(store_submission_get(st, id, false, &sub), STORE_OK);
	cr_assert_eq(sub->user_id, 0, "older submissions have no owner");
	cr_assert_null(sub->user);
	store_submission_free(sub);
}

/* put_problem with the hidden and authored flags of a new problem. */
static void
put_flagged(const char *slug, const char *hash, bool hidden, bool authored)
{
	struct store_problem p = { 0 };
	bool		     changed;

	p.slug = (char *)slug;
	p.title = (char *)slug;
	p.content_hash = (char *)hash;
	p.hidden = hidden;
	p.authored = authored;
	cr_assert_eq(store_problem_put(st, &p, &changed), STORE_OK);
	cr_assert(changed);
}

Test(store, hidden_problems_are_listed_only_on_request)
{
	struct store_problem_list   l;
	struct store_problem_filter f = { 0 };
	struct store_problem	   *p;

	put_flagged("draft", "1", true, true);
	put_flagged("open", "1", false, false);
	cr_assert_eq(store_problem_list(st, NULL, &l), STORE_OK);
	cr_assert_eq(l.n, 1);
	cr_assert_str_eq(l.items[0].slug, "open");
	cr_assert_not(l.items[0].hidden);
	store_problem_list_free(&l);
	cr_assert_eq(store_problem_list(st, &f, &l), STORE_OK);
	cr_assert_eq(l.n, 1, "a zeroed filter hides drafts too");
	store_problem_list_free(&l);
	f.with_hidden = true;
	cr_assert_eq(store_problem_list(st, &f, &l), STORE_OK);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.items[0].slug, "draft");
	cr_assert(l.items[0].hidden);
	cr_assert(l.items[0].authored);
	cr_assert_not(l.items[1].authored);
	store_problem_list_free(&l);

	/* get answers for hidden ones too, and says so. */
	cr_assert_eq(store_problem_get(st, "draft", false, false, &p),
	    STORE_OK);
	cr_assert(p->hidden);
	store_problem_free(p);
}

Test(store, reimport_keeps_the_hidden_flag)
{
	struct store_problem *p;

	put_flagged("a", "1", true, true);
	cr_assert_eq(store_problem_set_hidden(st, "a", false), STORE_OK);
	/* A changed copy asks for hidden: the stored flag wins. */
	put_flagged("a", "2", true, true);
	cr_assert_eq(store_problem_get(st, "a", false, false, &p), STORE_OK);
	cr_assert_not(p->hidden);
	store_problem_free(p);
	cr_assert_eq(store_problem_set_hidden(st, "a", true), STORE_OK);
	cr_assert_eq(store_problem_get(st, "a", false, false, &p), STORE_OK);
	cr_assert(p->hidden);
	store_problem_free(p);
	cr_assert_eq(store_problem_set_hidden(st, "nope", true),
	    STORE_NOTFOUND);
}

Test(store, rejudge_requeues_done_submissions_and_fixes_counters)
{
	struct store_submission *s;
	struct store_problem	*p;
	int64_t			 a, b, c, other, *ids;
	size_t			 n, i;

	put_problem("a", "1", "[]");
	a = add("c", NULL);
	b = add("c", NULL);
	c = add("c", NULL); /* stays queued */
	cr_assert_eq(store_submission_add(st, "b", "python3", "x", 1, "c", 0,
			 NULL, &other, &(const char *){ NULL }),
	    STORE_OK);
	for (i = 0; i < 2; i++) {
		cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
		store_submission_free(s);
	}
	finish(a, "AC", 5, 50);
	finish(b, "WA", 6, 60);

	cr_assert_eq(store_submission_rejudge(st, "a", &ids, &n), STORE_OK);
	cr_assert_eq(n, 2);
	cr_assert((ids[0] == a && ids[1] == b) || (ids[0] == b && ids[1] == a));
	free(ids);
	cr_assert_eq(store_problem_get(st, "a", false, false, &p), STORE_OK);
	cr_assert_eq(p->submissions, 0, "the old results no longer count");
	cr_assert_eq(p->accepted, 0);
	store_problem_free(p);
	cr_assert_eq(store_submission_get(st, a, true, &s), STORE_OK);
	cr_assert_eq(s->status, STORE_QUEUED);
	cr_assert_null(s->verdict);
	cr_assert_eq(s->ntests, 0, "old per-test results are gone");
	cr_assert_eq(s->attempts, 0);
	store_submission_free(s);

	/* Judged again, in id order with the one that was still queued. */
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, a);
	store_submission_free(s);
	finish(a, "WA", 1, 1);
	cr_assert_eq(store_problem_get(st, "a", false, false, &p), STORE_OK);
	cr_assert_eq(p->submissions, 1);
	cr_assert_eq(p->accepted, 0);
	store_problem_free(p);
	cr_assert_eq(store_submission_get(st, c, false, &s), STORE_OK);
	cr_assert_eq(s->status, STORE_QUEUED, "queued ones are untouched");
	store_submission_free(s);

	/* Nothing done: nothing queued, not an error. */
	cr_assert_eq(store_submission_rejudge(st, "zzz", &ids, &n), STORE_OK);
	cr_assert_eq(n, 0);
	free(ids);
	store_inject_faults(st, 1);
	cr_assert_eq(store_submission_rejudge(st, "a", &ids, &n), STORE_ERR);
	cr_assert_null(ids);
}

/*** A disk that fills up on demand ****************************************/

/*
 * The default VFS, with a write that fails the way a full disk makes it
 * fail, SQLITE_FULL (what SQLite's unix VFS makes of ENOSPC), or as a
 * failing disk does: an I/O error, errno EIO.
 * Each file keeps the real VFS's I/O methods but for xWrite; the unix VFS
 * has a few sets of them (the database locks, its WAL does not).
 */
enum disk { DISK_OK, DISK_FULL, DISK_EIO };

static atomic_int   disk_state = DISK_OK;
static sqlite3_vfs *real_vfs;
static sqlite3_vfs  filling_vfs;
static struct {
	const sqlite3_io_methods *real;
	sqlite3_io_methods	  patched; /* real, but for xWrite */
} io_kinds[4];
static size_t n_io_kinds;

static int
filling_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	size_t i;

	switch (atomic_load(&disk_state)) {
	case DISK_FULL:
		return SQLITE_FULL;
	case DISK_EIO:
		return SQLITE_IOERR_WRITE;
	default:
		for (i = 0; f->pMethods != &io_kinds[i].patched; i++)
			;
		return io_kinds[i].real->xWrite(f, buf, n, off);
	}
}

static int
filling_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *out)
{
	int    rc = real_vfs->xOpen(real_vfs, name, f, flags, out);
	size_t i;

	if (rc != SQLITE_OK || f->pMethods == NULL)
		return rc;
	for (i = 0; i < n_io_kinds; i++)
		if (io_kinds[i].real == f->pMethods)
			break;
	if (i == n_io_kinds) {
		cr_assert_lt(i, sizeof(io_kinds) / sizeof(io_kinds[0]));
		io_kinds[i].real = f->pMethods;
		io_kinds[i].patched = *f->pMethods;
		io_kinds[i].patched.xWrite = filling_write;
		n_io_kinds++;
	}
	f->pMethods = &io_kinds[i].patched;
	return rc;
}

/* Reopen the store on the filling VFS (the default from now on). */
static void
use_filling_disk(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	filling_vfs = *real_vfs;
	filling_vfs.zName = "filling";
	filling_vfs.xOpen = filling_open;
	cr_assert_eq(sqlite3_vfs_register(&filling_vfs, 1), SQLITE_OK);
	store_close(st);
	st = store_open(path);
	cr_assert_not_null(st);
}

/* Every kind of write, with the disk in state d: all return want. */
static void
assert_writes_fail(enum disk d, enum store_rc want, int64_t running)
{
	struct store_result r = { .verdict = "AC", .total_tests = 1 };
	const char	   *why;
	int64_t		    id = -1, uid = -1;
	bool		    changed = true;
	struct store_problem p = { .slug = (char *)"new", .content_hash =
					  (char *)"h" };

	atomic_store(&disk_state, d);
	cr_assert_eq(store_submission_add(st, "a", "python3", "c", 1, "x", 0,
			 NULL, &id, &why),
	    want, "add submission");
	cr_assert_eq(id, 0);
	cr_assert_eq(store_submission_finish(st, running, &r), want,
	    "finish");
	cr_assert_eq(store_user_add(st, "ann", "h", false, &uid), want,
	    "add user (no transaction)");
	cr_assert_eq(store_problem_put(st, &p, &changed), want,
	    "put problem (a transaction)");
	cr_assert_not(changed);
	atomic_store(&disk_state, DISK_OK);
}

Test(store, a_full_disk_is_nospace_and_changes_nothing)
{
	struct store_submission *s;
	struct store_user	*u;
	int64_t			 a, b, q, r, d;

	put_problem("a", "1", "[]");
	use_filling_disk();
	a = add("c", NULL);
	b = add("c", NULL);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, a);
	store_submission_free(s);
	cr_assert_not(store_disk_full(st));

	assert_writes_fail(DISK_FULL, STORE_NOSPACE, a);
	cr_assert(store_disk_full(st), "health sees the full disk");

	/* Reads still work, and nothing moved. */
	atomic_store(&disk_state, DISK_FULL);
	cr_assert_eq(store_submission_counts(st, &q, &r, &d), STORE_OK);
	cr_assert(q == 1 && r == 1 && d == 0);
	cr_assert_eq(store_submission_get(st, a, true, &s), STORE_OK);
	cr_assert_eq(s->status, STORE_RUNNING);
	store_submission_free(s);
	cr_assert_eq(store_user_get(st, "ann", &u), STORE_NOTFOUND);
	cr_assert(store_disk_full(st), "reads leave the flag alone");

	/* Space again: the held verdict is stored, and the flag clears. */
	atomic_store(&disk_state, DISK_OK);
	finish(a, "AC", 1, 1);
	cr_assert_not(store_disk_full(st));
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	cr_assert_eq(s->id, b);
	store_submission_free(s);
	cr_assert_eq(store_submission_get(st, a, true, &s), STORE_OK);
	cr_assert_eq(s->status, STORE_DONE);
	cr_assert_eq(s->ntests, 2);
	store_submission_free(s);
}

Test(store, other_write_failures_stay_err)
{
	struct store_submission *s;
	int64_t			 a, uid;

	put_problem("a", "1", "[]");
	use_filling_disk();
	a = add("c", NULL);
	cr_assert_eq(store_submission_claim(st, &s), STORE_OK);
	store_submission_free(s);
	assert_writes_fail(DISK_EIO, STORE_ERR, a);
	cr_assert_not(store_disk_full(st));
	/* After a full disk, a failure of another kind is not "full". */
	assert_writes_fail(DISK_FULL, STORE_NOSPACE, a);
	store_inject_faults(st, 1);
	cr_assert_eq(store_user_add(st, "ann", "h", false, &uid), STORE_ERR);
	assert_writes_fail(DISK_EIO, STORE_ERR, a);
	finish(a, "AC", 1, 1);
}
