/*
 * server/run.c -- POST /api/run: judge code on the samples, or on one
 * custom input, and answer with every case's output. Nothing is stored.
 *
 * It judges on the request's own connection thread; the number of runs
 * at once is bounded per client and in total (429 beyond).
 */
#include <stdlib.h>
#include <string.h>

#include "judge/judge.h"
#include "server/app.h"
#include "util/log.h"

static json_t *
text_or_null(const char *s)
{
	return json_text(s, s ? strlen(s) : 0);
}

static json_t *
blob_or_null(const char *s, size_t n)
{
	return json_text(s, n);
}

static json_t *
report_json(const struct job *job, const struct judge_report *rep)
{
	json_t *cases = json_array(), *c;
	size_t	i;

	for (i = 0; i < rep->ntests; i++) {
		const struct judge_test_result *t = &rep->tests[i];
		const struct store_test	       *s = NULL;

		if (job->input == NULL && i < job->p->nsamples)
			s = &job->p->samples[i];
		c = json_object();
		json_object_set_new(c, "input",
		    s ? blob_or_null(s->input, s->input_len)
		      : blob_or_null(job->input, job->input_len));
		json_object_set_new(c, "output", text_or_null(t->output));
		json_object_set_new(c, "stdout", text_or_null(t->stdout_));
		json_object_set_new(c, "expected",
		    s ? blob_or_null(s->answer, s->answer_len) : json_null());
		json_object_set_new(c, "verdict",
		    json_string(verdict_name(t->verdict)));
		json_object_set_new(c, "cpu_ms", json_integer(t->cpu_ms));
		json_object_set_new(c, "wall_ms", json_integer(t->wall_ms));
		json_object_set_new(c, "memory_kb",
		    json_integer((json_int_t)t->memory_kb));
		json_object_set_new(c, "message", text_or_null(t->message));
		json_array_append_new(cases, c);
	}
	return json_pack("{s:s,s:o,s:o,s:o}", "verdict",
	    verdict_name(rep->verdict), "compile_output",
	    text_or_null(rep->compile_output), "message",
	    text_or_null(rep->message), "cases", cases);
}

struct MHD_Response *
run_slot_take(struct request *rq)
{
	struct app *app = rq->app;

	if (!clients_take(app->runners, rq->client, app->cfg->max_client_runs))
		return reply_error(rq, 429, "busy",
		    "you already have %d runs in progress",
		    app->cfg->max_client_runs);
	if (atomic_fetch_add(&app->runs, 1) >= app->cfg->max_runs) {
		atomic_fetch_sub(&app->runs, 1);
		clients_give(app->runners, rq->client);
		return reply_error(rq, 429, "busy",
		    "the server is running %d programs already; try again",
		    app->cfg->max_runs);
	}
	return NULL;
}

void
run_slot_give(struct request *rq)
{
	atomic_fetch_sub(&rq->app->runs, 1);
	clients_give(rq->app->runners, rq->client);
}

struct MHD_Response *
api_run(struct request *rq)
{
	struct app	    *app = rq->app;
	struct MHD_Response *err;
	struct judge_request req;
	struct judge_report  rep;
	struct judge_case    custom;
	struct job	     job;
	json_t		    *body, *out;
	char		    *input = NULL;
	int		     rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if ((body = body_json(rq, &err)) == NULL)
		return err;
	if ((err = job_parse(rq, body, true, &job)) != NULL) {
		json_decref(body);
		return err;
	}
	if ((err = auth_rate(rq, app->user_runs, "runs")) != NULL) {
		store_problem_free(job.p);
		json_decref(body);
		return err;
	}
	if ((err = run_slot_take(rq)) != NULL) {
		store_problem_free(job.p);
		json_decref(body);
		return err;
	}

	memset(&req, 0, sizeof(req));
	memset(&rep, 0, sizeof(rep));
	req.problem_dir = job.p->dir;
	req.language = job.language;
	req.source = job.code;
	req.source_len = job.code_len;
	req.run_all = true;
	if (job.input != NULL) {
		/* The judge reads a C string: a copy ending in NUL. */
		input = strndup(job.input, job.input_len);
		custom.input = input;
		custom.answer = NULL;
		req.cases = &custom;
		req.ncases = 1;
	} else {
		req.samples_only = true;
	}
	rc = judge_run(&req, &rep);
	run_slot_give(rq);
	if (rc != 0) {
		log_warnx("run %s %s: %s", job.problem, job.language,
		    rep.message ? rep.message : "judge refused");
		out = NULL;
		err = reply_error(rq, 500, "internal", "the judge failed: %s",
		    rep.message ? rep.message : "unknown reason");
	} else {
		out = report_json(&job, &rep);
		err = reply_json(rq, 200, out);
	}
	judge_report_free(&rep);
	free(input);
	store_problem_free(job.p);
	json_decref(body);
	return err;
}
