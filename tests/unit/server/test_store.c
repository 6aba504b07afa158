/*
 * tests/unit/server/test_store.c -- the SQLite store (src/store/) against
 * a temporary database: migrations, problems with hidden tests, the
 * submission queue, history paging, beats, injected faults, hidden
 * problems and rejudging.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
