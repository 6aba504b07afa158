/*
 * server/submissions.c -- POST /api/submissions, GET /api/submissions,
 * GET /api/submissions/{id}.
 *
 * A submission is committed as queued before the 202 goes out, so an
 * accepted submission survives any crash after it; the workers
 * (queue.c) take it from there.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "server/app.h"
#include "server/queue.h"
#include "util/log.h"

struct MHD_Response *
job_parse(struct request *rq, json_t *body, bool allow_input,
    struct job *job)
{
	const struct server_config *cfg = rq->app->cfg;
	struct MHD_Response	   *err = NULL;
	const struct language	   *lang;
	const char		   *key;
	json_t			   *v;
	size_t			    n;
	enum store_rc		    rc;

	memset(job, 0, sizeof(*job));
	/* Unknown fields are refused: a typo should not pass silently. */
	json_object_foreach(body, key, v) {
		if (strcmp(key, "problem") != 0 &&
		    strcmp(key, "language") != 0 && strcmp(key, "code") != 0 &&
		    !(allow_input && strcmp(key, "input") == 0))
			return reply_error(rq, 400, "bad_request",
			    "unknown field \"%.64s\"", key);
	}
	if (field_string(rq, body, "problem", true, &job->problem, &n, &err) < 0 ||
	    field_string(rq, body, "language", true, &job->language, &n,
		&err) < 0 ||
	    field_string(rq, body, "code", true, &job->code, &job->code_len,
		&err) < 0)
		return err;
	if (allow_input && field_string(rq, body, "input", false, &job->input,
			       &job->input_len, &err) < 0)
		return err;
	if (job->code_len > cfg->max_code)
		return reply_error(rq, 413, "too_large",
		    "the code is %zu bytes; the limit is %zu", job->code_len,
		    cfg->max_code);
	if (job->input != NULL && job->input_len > cfg->max_input)
		return reply_error(rq, 413, "too_large",
		    "the input is %zu bytes; the limit is %zu", job->input_len,
		    cfg->max_input);
	if (job->code_len == 0)
		return reply_error(rq, 400, "bad_request", "the code is empty");
	if ((lang = language_find(job->language)) == NULL)
		return reply_error(rq, 422, "invalid",
		    "unknown language \"%.64s\" (see /api/languages)",
		    job->language);
	if (!router_valid_slug(job->problem))
		return reply_error(rq, 422, "invalid",
		    "unknown problem \"%.100s\"", job->problem);
	/* Samples only for a run: they go back with its answer. */
	rc = store_problem_get(rq->app->store, job->problem, allow_input,
	    false, &job->p);
	if (rc == STORE_OK && !problem_visible(rq, job->p)) {
		store_problem_free(job->p);
		job->p = NULL;
		rc = STORE_NOTFOUND; /* a draft: as if there were none */
	}
	if (rc == STORE_NOTFOUND)
		return reply_error(rq, 422, "invalid",
		    "unknown problem \"%.100s\"", job->problem);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	if (!lang->function && strcmp(job->p->kind, "function") == 0) {
		store_problem_free(job->p);
		job->p = NULL;
		return reply_error(rq, 422, "invalid",
		    "%s cannot solve function problems such as %s",
		    lang->name, job->problem);
	}
	return NULL;
}

struct MHD_Response *
api_submit(struct request *rq)
{
	struct app	    *app = rq->app;
	struct store_limits  lim = { app->cfg->max_queue,
		 app->cfg->max_per_client };
	struct MHD_Response *err, *r;
	struct job	     job;
	json_t		    *body;
	const char	    *why;
	char		     loc[64];
	int64_t		     id;
	enum store_rc	     rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if ((body = body_json(rq, &err)) == NULL)
		return err;
	if ((err = job_parse(rq, body, false, &job)) != NULL) {
		json_decref(body);
		return err;
	}
	if ((err = auth_rate(rq, app->user_subs, "submissions")) != NULL) {
		store_problem_free(job.p);
		json_decref(body);
		return err;
	}
	rc = store_submission_add(app->store, job.problem, job.language,
	    job.code, job.code_len, rq->client, rq->who.id, &lim, &id, &why);
	store_problem_free(job.p);
	json_decref(body);
	switch (rc) {
	case STORE_OK:
		break;
	case STORE_FULL:
		if (strcmp(why, "client") == 0)
			r = reply_error(rq, 429, "busy",
			    "you have %lld submissions waiting to be judged; "
			    "wait for some to finish",
			    (long long)lim.max_per_client);
		else
			r = reply_error(rq, 429, "busy",
			    "the judging queue is full (%lld waiting); try "
			    "again in a few seconds",
			    (long long)lim.max_queued);
		MHD_add_response_header(r, "Retry-After", "2");
		return r;
	case STORE_NOTFOUND:
	case STORE_CONFLICT:
	case STORE_ERR:
	case STORE_NOSPACE:
		return reply_store_failed(rq, rc,
		    "the submission was not stored");
	}
	queue_kick(app->queue);
	r = reply_json(rq, 202,
	    json_pack("{s:I,s:s}", "id", (json_int_t)id, "status", "queued"));
	snprintf(loc, sizeof(loc), "/api/submissions/%lld", (long long)id);
	MHD_add_response_header(r, "Location", loc);
	return r;
}

/* A JSON string (made valid UTF-8), or null for NULL. */
static json_t *
str_or_null(const char *s)
{
	return json_text(s, s ? strlen(s) : 0);
}

json_t *
submission_json(struct app *app, const struct store_submission *s)
{
	char	buf[40];
	bool	done = s->status == STORE_DONE;
	json_t *j, *tests;
	double	bt, bm;
	size_t	i;

	j = json_object();
	json_object_set_new(j, "id", json_integer(s->id));
	json_object_set_new(j, "problem", str_or_null(s->problem));
	json_object_set_new(j, "language", str_or_null(s->language));
	json_object_set_new(j, "user", str_or_null(s->user));
	if (s->code != NULL)
		json_object_set_new(j, "code", str_or_null(s->code));
	json_object_set_new(j, "status",
	    json_string(store_status_name(s->status)));
	json_object_set_new(j, "verdict",
	    done ? str_or_null(s->verdict) : json_null());
	json_object_set_new(j, "cpu_ms",
	    done ? json_integer(s->cpu_ms) : json_null());
	json_object_set_new(j, "memory_kb",
	    done ? json_integer((json_int_t)s->memory_kb) : json_null());
	json_object_set_new(j, "created_at",
	    json_string(iso_time(s->created_ms, buf, sizeof(buf))));
	json_object_set_new(j, "finished_at",
	    done && s->finished_ms > 0
		? json_string(iso_time(s->finished_ms, buf, sizeof(buf)))
		: json_null());
	if (s->tests == NULL && s->code == NULL)
		return j; /* a history row */
	json_object_set_new(j, "compile_output", str_or_null(s->compile_output));
	json_object_set_new(j, "message", str_or_null(s->message));
	json_object_set_new(j, "failed_test",
	    s->failed_test > 0 ? json_integer(s->failed_test) : json_null());
	json_object_set_new(j, "total_tests",
	    done ? json_integer(s->total_tests) : json_null());
	tests = json_array();
	for (i = 0; i < s->ntests; i++)
		json_array_append_new(tests,
		    json_pack("{s:s,s:I,s:I,s:I}", "verdict",
			s->tests[i].verdict ? s->tests[i].verdict : "IE",
			"cpu_ms", (json_int_t)s->tests[i].cpu_ms, "wall_ms",
			(json_int_t)s->tests[i].wall_ms, "memory_kb",
			(json_int_t)s->tests[i].memory_kb));
	json_object_set_new(j, "tests", tests);
	if (done && s->verdict != NULL && strcmp(s->verdict, "AC") == 0 &&
	    store_submission_beats(app->store, s->id, &bt, &bm) == STORE_OK)
		json_object_set_new(j, "beats",
		    json_pack("{s:f,s:f}", "time", bt, "memory", bm));
	else
		json_object_set_new(j, "beats", json_null());
	return j;
}

bool
submission_visible(struct request *rq, const struct store_submission *s)
{
	const struct principal *p = request_principal(rq);

	return p != NULL && (p->admin || (s->user_id > 0 && s->user_id == p->id));
}

struct MHD_Response *
submission_lookup(struct request *rq, bool with_tests,
    struct store_submission **out)
{
	struct MHD_Response *err;
	enum store_rc	     rc;

	*out = NULL;
	if ((err = auth_require_user(rq)) != NULL)
		return err;
	rc = store_submission_get(rq->app->store, rq->route.sub_id, with_tests,
	    out);
	if (rc == STORE_OK && !submission_visible(rq, *out)) {
		/* Someone else's: exactly as if it did not exist. */
		store_submission_free(*out);
		*out = NULL;
		rc = STORE_NOTFOUND;
	}
	if (rc == STORE_NOTFOUND)
		return reply_error(rq, 404, "not_found", "no submission %lld",
		    (long long)rq->route.sub_id);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	return NULL;
}

struct MHD_Response *
api_submission(struct request *rq)
{
	struct store_submission *s;
	struct MHD_Response	*err;
	json_t			*j;

	if ((err = submission_lookup(rq, true, &s)) != NULL)
		return err;
	j = submission_json(rq->app, s);
	store_submission_free(s);
	return reply_json(rq, 200, j);
}

/* A positive integer parameter within [1, max]; 0 absent; -1 invalid. */
static int64_t
int_arg(struct request *rq, const char *key, int64_t max)
{
	const char *v = query_arg(rq, key);
	char	   *end;
	long long   n;

	if (v == NULL || v[0] == '\0')
		return 0;
	if (v[0] < '0' || v[0] > '9')
		return -1;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > max)
		return -1;
	return n;
}

struct MHD_Response *
api_submissions(struct request *rq)
{
	struct store_submission_list l;
	const char		    *problem = query_arg(rq, "problem");
	int64_t			     limit, before;
	json_t			    *arr, *next;
	size_t			     i;
	struct MHD_Response	    *err;
	enum store_rc		     rc;

	if ((err = auth_require_user(rq)) != NULL)
		return err;
	if (problem != NULL && problem[0] == '\0')
		problem = NULL;
	if (problem != NULL && !router_valid_slug(problem))
		return reply_error(rq, 400, "bad_request",
		    "problem must be a slug ([a-z0-9-])");
	if ((limit = int_arg(rq, "limit", 100)) < 0)
		return reply_error(rq, 400, "bad_request",
		    "limit must be an integer from 1 to 100");
	if ((before = int_arg(rq, "before", INT64_MAX / 2)) < 0)
		return reply_error(rq, 400, "bad_request",
		    "before must be a positive submission id");
	if (limit == 0)
		limit = 20;
	/* One row more than asked tells whether another page follows. */
	rc = store_submission_list(rq->app->store, problem, rq->who.id, before,
	    (size_t)limit + 1, &l);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	arr = json_array();
	for (i = 0; i < l.n && (int64_t)i < limit; i++)
		json_array_append_new(arr, submission_json(rq->app, &l.items[i]));
	next = (int64_t)l.n > limit ? json_integer(l.items[limit - 1].id)
				    : json_null();
	store_submission_list_free(&l);
	return reply_json(rq, 200,
	    json_pack("{s:o,s:o}", "submissions", arr, "next_before", next));
}
