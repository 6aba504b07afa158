/*
 * server/queue.c -- judging workers over the database queue; see queue.h.
 *
 * A worker that finds the queue empty sleeps until kicked, or at most
 * POLL_MS. A generation counter closes the race between "found nothing"
 * and "went to sleep": a kick in between bumps it and the worker looks
 * again instead of sleeping.
 *
 * A verdict the database will not take (a full disk, a failing file) is
 * held in memory and offered again, with pauses growing to RETRY_MAX_MS,
 * for as long as the server runs: judging is never thrown away while it
 * could still be stored. Only stopping ends the wait; the submission is
 * then still "running" in the database and the next start re-queues it.
 */
#include "server/queue.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "judge/judge.h"
#include "server/app.h"
#include "server/hub.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xalloc.h"

#define POLL_MS	      1000
#define MAX_ATTEMPTS  3	   /* claims before a submission is given up as IE */
#define RETRY_MIN_MS  200  /* first pause before storing a verdict again */
#define RETRY_MAX_MS  2000 /* the pauses double up to this */

struct queue {
	struct app     *app;
	pthread_t      *threads;
	int		n;
	pthread_mutex_t lock;
	pthread_cond_t	cond;	 /* kicks (one idle worker) and stop */
	pthread_cond_t	stopped; /* stop only: wakes workers retrying */
	unsigned long	gen;	 /* kicks so far */
	bool		stop;
	int		busy;	 /* workers judging */
};

struct progress {
	struct app *app;
	int64_t	    id;
};

static void
publish_json(struct app *app, int64_t id, const char *event, json_t *data)
{
	char *text = json_dumps(data, JSON_COMPACT);

	json_decref(data);
	hub_publish(app->hub, id, event, text ? text : "{}");
	free(text);
}

/* judge_progress_fn: one "test" event per finished test. */
static void
on_progress(void *arg, enum judge_event ev, size_t index, size_t total,
    const struct judge_test_result *res)
{
	struct progress *p = arg;

	if (ev != JUDGE_EVENT_TEST_DONE || res == NULL)
		return;
	publish_json(p->app, p->id, "test",
	    json_pack("{s:I,s:I,s:s,s:I,s:I,s:I}", "index",
		(json_int_t)index + 1, "total", (json_int_t)total, "verdict",
		verdict_name(res->verdict), "cpu_ms", (json_int_t)res->cpu_ms,
		"wall_ms", (json_int_t)res->wall_ms, "memory_kb",
		(json_int_t)res->memory_kb));
}

/*
 * The error text to show: the report's message or the failed test's.
 * A failed hidden test (past the nsamples samples) is never detailed,
 * whatever its verdict, except where the judge wrote the whole text
 * itself (TLE, OLE): a wrong answer's detail quotes the expected answer,
 * and a program can put its input into what it prints before it fails
 * (raise ValueError(str(nums)), or stderr and then a memory bomb), which
 * would carry hidden tests out. An allow-list, so a new kind of detail
 * stays hidden until someone decides it may be shown.
 */
static const char *
report_message(const struct judge_report *rep, size_t nsamples)
{
	const struct judge_test_result *t;

	if (rep->message != NULL)
		return rep->message;
	if (rep->first_failed < 0 || (size_t)rep->first_failed >= rep->ntests)
		return NULL;
	t = &rep->tests[rep->first_failed];
	if ((size_t)rep->first_failed < nsamples)
		return t->message;
	switch (t->verdict) {
	case VERDICT_TLE:
	case VERDICT_OLE:
		return t->message;
	case VERDICT_WA:
		return "wrong answer on a hidden test";
	case VERDICT_RE:
		return "runtime error on a hidden test";
	case VERDICT_MLE:
		return "memory limit exceeded on a hidden test";
	default:
		return "failed a hidden test";
	}
}

/* Wait ms on q->stopped; true when the queue is stopping. */
static bool
nap(struct queue *q, int ms)
{
	struct timespec dl;
	bool		stop;

	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += ms / 1000;
	dl.tv_nsec += (long)(ms % 1000) * 1000000L;
	dl.tv_sec += dl.tv_nsec / 1000000000L;
	dl.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&q->lock);
	if (!q->stop)
		pthread_cond_timedwait(&q->stopped, &q->lock, &dl);
	stop = q->stop;
	pthread_mutex_unlock(&q->lock);
	return stop;
}

/*
 * Store the outcome of submission id, trying again after a failure (a
 * busy, failing or full database) until it is stored or the queue stops.
 * Logs once when it starts failing and once when it is stored at last.
 * STORE_OK, STORE_NOTFOUND (someone else finished it), or the last
 * failure when the queue stopped first.
 */
static enum store_rc
record(struct queue *q, int64_t id, const struct store_result *res)
{
	enum store_rc rc;
	int64_t	      t0 = 0;
	int	      tries = 0, pause = RETRY_MIN_MS;

	for (;;) {
		rc = store_submission_finish(q->app->store, id, res);
		tries++;
		if (rc != STORE_ERR && rc != STORE_NOSPACE)
			break;
		if (tries == 1) {
			t0 = clock_mono_ms();
			log_warnx("judged #%lld: cannot record the verdict (%s); "
				  "holding it and trying again until it is "
				  "stored",
			    (long long)id,
			    rc == STORE_NOSPACE ? "the disk is full"
						: "the database failed");
		}
		if (nap(q, pause))
			return rc;
		pause = pause * 2 < RETRY_MAX_MS ? pause * 2 : RETRY_MAX_MS;
	}
	if (tries > 1)
		log_info("judged #%lld: verdict recorded after %d tries, %lld "
			 "ms late",
		    (long long)id, tries, (long long)(clock_mono_ms() - t0));
	return rc;
}

/* Judge one claimed submission and record it. */
static void
judge_one(struct queue *q, struct store_submission *sub)
{
	struct app		 *app = q->app;
	struct store_problem	 *p = NULL;
	struct judge_request	  req;
	struct judge_report	  rep;
	struct store_result	  res;
	struct store_test_result *tr = NULL;
	struct store_submission	 *full = NULL;
	struct progress		  prog = { app, sub->id };
	int64_t			  t0 = clock_mono_ms();
	enum store_rc		  rc;
	size_t			  i;
	char			 *why = NULL;

	memset(&rep, 0, sizeof(rep));
	memset(&res, 0, sizeof(res));
	rep.first_failed = -1;
	hub_publish(app->hub, sub->id, "compiling", "{}");
	if (sub->attempts > MAX_ATTEMPTS) {
		why = xasprintf("judging was interrupted %d times; giving up",
		    sub->attempts - 1);
		rep.verdict = VERDICT_IE;
	} else if ((rc = store_problem_get(app->store, sub->problem, true,
			false, &p)) != STORE_OK) {
		why = xasprintf(rc == STORE_NOTFOUND
				    ? "problem %s is no longer in the catalog"
				    : "cannot read problem %s",
		    sub->problem);
		rep.verdict = VERDICT_IE;
	} else {
		memset(&req, 0, sizeof(req));
		req.problem_dir = p->dir;
		req.language = sub->language;
		req.source = sub->code;
		req.source_len = strlen(sub->code);
		req.progress = on_progress;
		req.progress_arg = &prog;
		if (judge_run(&req, &rep) != 0) {
			rep.verdict = VERDICT_IE;
			if (rep.message == NULL)
				why = xstrdup("the judge refused the request");
		}
	}

	res.verdict = verdict_name(rep.verdict);
	res.cpu_ms = rep.max_cpu_ms;
	res.memory_kb = rep.max_memory_kb;
	res.compile_output = rep.compile_output;
	res.message = why != NULL ? why
				  : report_message(&rep, p ? p->nsamples : 0);
	res.failed_test = rep.first_failed >= 0 ? rep.first_failed + 1 : 0;
	res.total_tests = (int)rep.total_tests;
	/* A judge error's detail is for whoever runs the server, hidden test
	 * or not: it goes to the log. */
	if (rep.first_failed >= 0 && (size_t)rep.first_failed < rep.ntests &&
	    rep.tests[rep.first_failed].verdict == VERDICT_IE &&
	    rep.tests[rep.first_failed].message != NULL)
		log_warnx("judged #%lld: judge error on test %d: %s",
		    (long long)sub->id, rep.first_failed + 1,
		    rep.tests[rep.first_failed].message);
	tr = xcalloc(rep.ntests + 1, sizeof(*tr));
	for (i = 0; i < rep.ntests; i++) {
		tr[i].verdict = (char *)verdict_name(rep.tests[i].verdict);
		tr[i].cpu_ms = rep.tests[i].cpu_ms;
		tr[i].wall_ms = rep.tests[i].wall_ms;
		tr[i].memory_kb = rep.tests[i].memory_kb;
	}
	res.tests = tr;
	res.ntests = rep.ntests;

	rc = record(q, sub->id, &res);
	log_info("judged #%lld %s %s: %s %u ms %llu KB, %zu/%zu tests, "
		 "in %lld ms%s",
	    (long long)sub->id, sub->problem, sub->language, res.verdict,
	    res.cpu_ms, (unsigned long long)res.memory_kb, rep.ntests,
	    rep.total_tests, (long long)(clock_mono_ms() - t0),
	    rc == STORE_OK ? "" : " (NOT RECORDED: re-queued at restart)");
	if (rc == STORE_OK &&
	    store_submission_get(app->store, sub->id, true, &full) == STORE_OK) {
		publish_json(app, sub->id, "done", submission_json(app, full));
		store_submission_free(full);
	}
	free(tr);
	free(why);
	judge_report_free(&rep);
	store_problem_free(p);
}

static void *
worker(void *arg)
{
	struct queue		*q = arg;
	struct store_submission *sub;
	unsigned long		 gen;
	struct timespec		 dl;
	enum store_rc		 rc;

	for (;;) {
		pthread_mutex_lock(&q->lock);
		if (q->stop) {
			pthread_mutex_unlock(&q->lock);
			break;
		}
		gen = q->gen;
		pthread_mutex_unlock(&q->lock);

		rc = store_submission_claim(q->app->store, &sub);
		if (rc == STORE_OK) {
			pthread_mutex_lock(&q->lock);
			q->busy++;
			pthread_mutex_unlock(&q->lock);
			judge_one(q, sub);
			store_submission_free(sub);
			pthread_mutex_lock(&q->lock);
			q->busy--;
			pthread_mutex_unlock(&q->lock);
			continue;
		}
		pthread_mutex_lock(&q->lock);
		if (!q->stop && q->gen == gen) {
			clock_gettime(CLOCK_MONOTONIC, &dl);
			dl.tv_nsec += (long)POLL_MS * 1000000L;
			dl.tv_sec += dl.tv_nsec / 1000000000L;
			dl.tv_nsec %= 1000000000L;
			pthread_cond_timedwait(&q->cond, &q->lock, &dl);
		}
		pthread_mutex_unlock(&q->lock);
	}
	return NULL;
}

struct queue *
queue_start(struct app *app, int n)
{
	struct queue	  *q = xcalloc(1, sizeof(*q));
	pthread_condattr_t ca;
	int		   i;

	q->app = app;
	pthread_mutex_init(&q->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&q->cond, &ca);
	pthread_cond_init(&q->stopped, &ca);
	pthread_condattr_destroy(&ca);
	q->threads = xcalloc((size_t)n, sizeof(*q->threads));
	for (i = 0; i < n; i++) {
		if (pthread_create(&q->threads[i], NULL, worker, q) != 0)
			fatal("pthread_create");
		q->n++;
	}
	return q;
}

void
queue_kick(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->gen++;
	pthread_cond_signal(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

int
queue_busy(struct queue *q)
{
	int n;

	pthread_mutex_lock(&q->lock);
	n = q->busy;
	pthread_mutex_unlock(&q->lock);
	return n;
}

void
queue_stop_async(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->stop = true;
	pthread_cond_broadcast(&q->cond);
	pthread_cond_broadcast(&q->stopped);
	pthread_mutex_unlock(&q->lock);
}

void
queue_stop(struct queue *q)
{
	int i;

	if (q == NULL)
		return;
	queue_stop_async(q);
	for (i = 0; i < q->n; i++)
		pthread_join(q->threads[i], NULL);
	pthread_cond_destroy(&q->cond);
	pthread_cond_destroy(&q->stopped);
	pthread_mutex_destroy(&q->lock);
	free(q->threads);
	free(q);
}
