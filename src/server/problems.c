/*
 * server/problems.c -- GET /api/problems and GET /api/problems/{slug}.
 * Samples only: hidden tests never leave the store.
 */
#include <stdlib.h>
#include <string.h>

#include "server/app.h"

json_t *
json_parse_or(const char *text, json_t *def)
{
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;

	if (j == NULL)
		return def;
	json_decref(def);
	return j;
}

/* A JSON string of n bytes, or null when they are not UTF-8. */
static json_t *
text_or_null(const char *s, size_t n)
{
	return json_text(s, n);
}

json_t *
problem_summary(const struct store_problem *p)
{
	return json_pack("{s:s,s:s,s:s,s:o,s:s,s:I,s:I,s:f}", "slug", p->slug,
	    "title", p->title, "difficulty", p->difficulty, "tags",
	    json_parse_or(p->tags_json, json_array()), "kind", p->kind,
	    "accepted", (json_int_t)p->accepted, "submissions",
	    (json_int_t)p->submissions, "acceptance",
	    p->submissions > 0 ? (double)p->accepted / (double)p->submissions
			       : 0.0);
}

bool
problem_visible(struct request *rq, const struct store_problem *p)
{
	const struct principal *who = request_principal(rq);

	return !p->hidden || (who != NULL && who->admin);
}

/* A filter parameter: absent, or at most 100 bytes. */
static int
filter_arg(struct request *rq, const char *key, const char **out,
    struct MHD_Response **err)
{
	*out = query_arg(rq, key);
	if (*out != NULL && strlen(*out) > 100) {
		*err = reply_error(rq, 400, "bad_request",
		    "parameter %s is longer than 100 bytes", key);
		return -1;
	}
	return 0;
}

struct MHD_Response *
api_problems(struct request *rq)
{
	const struct principal	   *who = request_principal(rq);
	struct store_problem_filter f = { 0 };
	struct store_problem_list   l;
	struct MHD_Response	   *err = NULL;
	json_t			   *arr, *j;
	enum store_rc		    rc;
	size_t			    i;

	/* Admins see the drafts too, marked "hidden": true. */
	f.with_hidden = who != NULL && who->admin;
	if (filter_arg(rq, "q", &f.q, &err) != 0 ||
	    filter_arg(rq, "difficulty", &f.difficulty, &err) != 0 ||
	    filter_arg(rq, "tag", &f.tag, &err) != 0)
		return err;
	if ((rc = store_problem_list(rq->app->store, &f, &l)) != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	arr = json_array();
	for (i = 0; i < l.n; i++) {
		j = problem_summary(&l.items[i]);
		if (l.items[i].hidden)
			json_object_set_new(j, "hidden", json_true());
		json_array_append_new(arr, j);
	}
	store_problem_list_free(&l);
	return reply_json(rq, 200, arr);
}

struct MHD_Response *
api_problem(struct request *rq)
{
	struct store_problem *p;
	json_t		     *j, *samples;
	enum store_rc	      rc;
	size_t		      i;

	rc = store_problem_get(rq->app->store, rq->route.slug, true, false, &p);
	if (rc == STORE_OK && !problem_visible(rq, p)) {
		store_problem_free(p);
		rc = STORE_NOTFOUND; /* a draft: no hint that it exists */
	}
	if (rc == STORE_NOTFOUND)
		return reply_error(rq, 404, "not_found", "no problem %s",
		    rq->route.slug);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	j = problem_summary(p);
	json_object_set_new(j, "statement",
	    text_or_null(p->statement, strlen(p->statement)));
	json_object_set_new(j, "signature",
	    json_parse_or(p->signature_json, json_null()));
	json_object_set_new(j, "starter",
	    json_parse_or(p->starter_json, json_object()));
	samples = json_array();
	for (i = 0; i < p->nsamples; i++)
		json_array_append_new(samples,
		    json_pack("{s:s,s:o,s:o}", "name", p->samples[i].name,
			"input",
			text_or_null(p->samples[i].input,
			    p->samples[i].input_len),
			"answer",
			text_or_null(p->samples[i].answer,
			    p->samples[i].answer_len)));
	json_object_set_new(j, "samples", samples);
	json_object_set_new(j, "limits",
	    json_pack("{s:I,s:I}", "time_ms", (json_int_t)p->time_ms,
		"memory_mb", (json_int_t)p->memory_mb));
	store_problem_free(p);
	return reply_json(rq, 200, j);
}
