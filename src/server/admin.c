/*
 * server/admin.c -- /api/admin/problems...: problem authoring for admins.
 *
 * Every handler starts with auth_require_admin() (the HTTP glue has also
 * refused everyone else before reading a body). The list and the
 * definition include hidden problems; the definition is the only answer
 * of the whole API that carries hidden tests. PUT and package uploads
 * write under the authored root through authoring.c and package.c; a
 * problem of the bundled catalog (the source tree's problems/) is edited
 * in git, not here: 409.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "judge/judge.h"
#include "judge/problem.h"
#include "server/app.h"
#include "server/authoring.h"
#include "server/hub.h"
#include "server/package.h"
#include "server/queue.h"
#include "util/log.h"
#include "util/xalloc.h"

static struct MHD_Response *
no_problem(struct request *rq)
{
	return reply_error(rq, 404, "not_found", "no problem %s",
	    rq->route.slug);
}

struct MHD_Response *
api_admin_problems(struct request *rq)
{
	struct store_problem_filter f = { .with_hidden = true };
	struct store_problem_list   l;
	struct MHD_Response	   *err;
	json_t			   *arr, *j;
	enum store_rc		    rc;
	size_t			    i;

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	if ((rc = store_problem_list(rq->app->store, &f, &l)) != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	arr = json_array();
	for (i = 0; i < l.n; i++) {
		j = problem_summary(&l.items[i]);
		json_object_set_new(j, "hidden", json_boolean(l.items[i].hidden));
		json_object_set_new(j, "authored",
		    json_boolean(l.items[i].authored));
		json_array_append_new(arr, j);
	}
	store_problem_list_free(&l);
	return reply_json(rq, 200, json_pack("{s:o}", "problems", arr));
}

struct MHD_Response *
api_admin_problem(struct request *rq)
{
	struct store_problem *p;
	struct MHD_Response  *err;
	enum store_rc	      rc;

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	rc = store_problem_get(rq->app->store, rq->route.slug, true, true, &p);
	if (rc == STORE_NOTFOUND)
		return no_problem(rq);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	err = reply_json(rq, 200, authoring_definition(p));
	store_problem_free(p);
	return err;
}

/*
 * NULL when slug may be written under the authored root; else 409 for a
 * problem of the bundled catalog (in the store or only on disk), or 500.
 */
static struct MHD_Response *
writable(struct request *rq)
{
	struct store_problem *p;
	struct stat	      sb;
	enum store_rc	      rc;
	char		     *a, *b;
	bool		      bundled;

	rc = store_problem_get(rq->app->store, rq->route.slug, false, false, &p);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return reply_store_failed(rq, rc, "try again");
	bundled = rc == STORE_OK && !p->authored;
	store_problem_free(p);
	a = xasprintf("%s/%s/problem.json", rq->app->cfg->problems_dir,
	    rq->route.slug);
	b = xasprintf("%s/%s/problem.yaml", rq->app->cfg->problems_dir,
	    rq->route.slug);
	bundled = bundled || stat(a, &sb) == 0 || stat(b, &sb) == 0;
	free(a);
	free(b);
	if (bundled)
		return reply_error(rq, 409, "conflict",
		    "%s belongs to the bundled catalog (%s): edit it there",
		    rq->route.slug, rq->app->cfg->problems_dir);
	return NULL;
}

/* Install what tmpdir/pkgdir holds and answer as PUT does. */
static struct MHD_Response *
install(struct request *rq, const char *tmpdir, const char *pkgdir,
    const struct authoring_def *def)
{
	struct app	     *app = rq->app;
	struct store_problem *p;
	enum authoring_rc     arc;
	enum store_rc	      rc;
	char		      err[512] = "";
	size_t		      ntests;
	bool		      created, hidden;

	arc = authoring_install(app->store, app->authored, rq->route.slug,
	    tmpdir, pkgdir, &created, &ntests, err, sizeof(err));
	if (arc == AUTHORING_INVALID)
		return reply_error(rq, 422, "invalid",
		    "the judge cannot load this problem: %s", err);
	if (arc != AUTHORING_OK)
		return reply_error(rq, 500, "internal", "%s", err);
	/*
	 * A new problem is a draft unless the definition says otherwise
	 * (even if the database remembers a retired problem of that slug).
	 */
	if (def != NULL && def->hidden_set)
		hidden = def->hidden;
	else
		hidden = true;
	if (((def != NULL && def->hidden_set) || created) &&
	    (rc = store_problem_set_hidden(app->store, rq->route.slug,
		 hidden)) != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	rc = store_problem_get(app->store, rq->route.slug, false, false, &p);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	hidden = p->hidden;
	store_problem_free(p);
	log_info("admin %s: %s problem %s (%zu tests%s)", rq->who.name,
	    created ? "created" : "replaced", rq->route.slug, ntests,
	    hidden ? ", hidden" : "");
	return reply_json(rq, created ? 201 : 200,
	    json_pack("{s:s,s:b,s:I}", "slug", rq->route.slug, "hidden",
		hidden, "tests", (json_int_t)ntests));
}

struct MHD_Response *
api_admin_put(struct request *rq)
{
	struct authoring_def def;
	struct MHD_Response *err;
	enum authoring_rc    arc;
	json_t		    *body;
	char		    *tmpdir = NULL, why[512] = "";

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	if ((body = body_json(rq, &err)) == NULL)
		return err;
	if ((err = writable(rq)) != NULL) {
		json_decref(body);
		return err;
	}
	arc = authoring_build(rq->app->authored, rq->route.slug, body,
	    rq->app->cfg->max_code, &def, &tmpdir, why, sizeof(why));
	json_decref(body);
	if (arc == AUTHORING_OK)
		err = install(rq, tmpdir, tmpdir, &def);
	else if (arc == AUTHORING_ERR)
		err = reply_error(rq, 500, "internal", "%s", why);
	else
		err = reply_error(rq, 400, "bad_request", "%s", why);
	free(tmpdir);
	return err;
}

struct MHD_Response *
api_admin_package(struct request *rq)
{
	struct package_caps caps = { AUTHORING_MAX_ENTRIES, AUTHORING_MAX_FILE,
		AUTHORING_MAX_TOTAL };
	struct MHD_Response *err;
	enum authoring_rc    arc;
	const char	    *ct;
	char		    *tmpdir = NULL, *pkgdir = NULL, why[512] = "";

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_TYPE);
	if (ct == NULL || (strncasecmp(ct, "application/zip", 15) != 0 &&
			      strncasecmp(ct, "application/x-zip", 17) != 0))
		return reply_error(rq, 415, "unsupported_media_type",
		    "send the package as application/zip, not %.64s",
		    ct ? ct : "(none)");
	if (rq->len == 0)
		return reply_error(rq, 400, "bad_request",
		    "the request needs the .zip as its body");
	if ((err = writable(rq)) != NULL)
		return err;
	arc = package_unpack(rq->app->authored, rq->route.slug, rq->body,
	    rq->len, &caps, &tmpdir, &pkgdir, why, sizeof(why));
	if (arc == AUTHORING_OK)
		err = install(rq, tmpdir, pkgdir, NULL);
	else if (arc == AUTHORING_ERR)
		err = reply_error(rq, 500, "internal", "%s", why);
	else
		err = reply_error(rq, 400, "bad_request",
		    "the package is refused: %s", why);
	free(pkgdir);
	free(tmpdir);
	return err;
}

struct MHD_Response *
api_admin_visibility(struct request *rq)
{
	struct MHD_Response *err;
	const char	    *key;
	json_t		    *body, *v, *h = NULL;
	enum store_rc	     rc;
	bool		     hidden;

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	if ((body = body_json(rq, &err)) == NULL)
		return err;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "hidden") != 0) {
			err = reply_error(rq, 400, "bad_request",
			    "unknown field \"%.64s\"", key);
			json_decref(body);
			return err;
		}
		h = v;
	}
	if (!json_is_boolean(h)) {
		json_decref(body);
		return reply_error(rq, 400, "bad_request",
		    "field \"hidden\" must be true or false");
	}
	hidden = json_is_true(h);
	json_decref(body);
	rc = store_problem_set_hidden(rq->app->store, rq->route.slug, hidden);
	if (rc == STORE_NOTFOUND)
		return no_problem(rq);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	log_info("admin %s: problem %s %s", rq->who.name, rq->route.slug,
	    hidden ? "hidden" : "shown");
	return reply_json(rq, 200, json_pack("{s:s,s:b}", "slug",
				       rq->route.slug, "hidden", hidden));
}

/* The check's answer: per test its name and figures, never its data. */
static json_t *
check_json(const struct problem *jp, const struct judge_report *rep)
{
	json_t *cases = json_array();
	size_t	i;

	for (i = 0; i < rep->ntests; i++) {
		const struct judge_test_result *t = &rep->tests[i];
		const char *name = i < jp->ntests ? jp->tests[i].name : "?";
		const char *msg = t->message;

		/* A wrong answer's detail quotes the expected answer. */
		if (t->verdict == VERDICT_WA && msg != NULL &&
		    (i >= jp->ntests || !jp->tests[i].sample))
			msg = "wrong answer (the test: GET /api/admin/problems/"
			      "{slug})";

		json_array_append_new(cases,
		    json_pack("{s:s,s:s,s:I,s:I,s:I,s:o}", "name", name,
			"verdict", verdict_name(t->verdict), "cpu_ms",
			(json_int_t)t->cpu_ms, "wall_ms", (json_int_t)t->wall_ms,
			"memory_kb", (json_int_t)t->memory_kb, "message",
			json_text(msg, msg ? strlen(msg) : 0)));
	}
	return json_pack("{s:s,s:o,s:o}", "verdict",
	    verdict_name(rep->verdict), "compile_output",
	    json_text(rep->compile_output,
		rep->compile_output ? strlen(rep->compile_output) : 0),
	    "cases", cases);
}

struct MHD_Response *
api_admin_check(struct request *rq)
{
	struct app	      *app = rq->app;
	struct MHD_Response   *err = NULL;
	const struct language *lang;
	struct store_problem  *p = NULL;
	struct problem	      *jp = NULL;
	struct judge_request   req;
	struct judge_report    rep;
	const char	      *key, *language, *code;
	json_t		      *body, *v;
	size_t		       n, code_len;
	enum store_rc	       rc;
	char		       why[256];

	memset(&rep, 0, sizeof(rep));
	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	if ((body = body_json(rq, &err)) == NULL)
		return err;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "language") != 0 && strcmp(key, "code") != 0) {
			err = reply_error(rq, 400, "bad_request",
			    "unknown field \"%.64s\"", key);
			goto out;
		}
	}
	if (field_string(rq, body, "language", true, &language, &n, &err) < 0 ||
	    field_string(rq, body, "code", true, &code, &code_len, &err) < 0)
		goto out;
	if (code_len == 0) {
		err = reply_error(rq, 400, "bad_request", "the code is empty");
		goto out;
	}
	if (code_len > app->cfg->max_code) {
		err = reply_error(rq, 413, "too_large",
		    "the code is %zu bytes; the limit is %zu", code_len,
		    app->cfg->max_code);
		goto out;
	}
	rc = store_problem_get(app->store, rq->route.slug, false, false, &p);
	if (rc == STORE_NOTFOUND) {
		err = no_problem(rq);
		goto out;
	}
	if (rc != STORE_OK) {
		err = reply_store_failed(rq, rc, "try again");
		goto out;
	}
	if ((lang = language_find(language)) == NULL ||
	    (!lang->function && strcmp(p->kind, "function") == 0)) {
		err = reply_error(rq, 422, "invalid",
		    "%.64s cannot be judged on %s (see /api/languages)",
		    language, p->kind);
		goto out;
	}
	/* The test names, from the judge's own view of the problem. */
	if (problem_load(p->dir, &jp, why, sizeof(why)) != 0) {
		err = reply_error(rq, 500, "internal",
		    "the problem does not load: %s", why);
		goto out;
	}
	if ((err = run_slot_take(rq)) != NULL)
		goto out;
	memset(&req, 0, sizeof(req));
	req.problem_dir = p->dir;
	req.language = language;
	req.source = code;
	req.source_len = code_len;
	req.run_all = true; /* every test, past the first failure */
	if (judge_run(&req, &rep) != 0) {
		log_warnx("check %s %s: %s", rq->route.slug, language,
		    rep.message ? rep.message : "judge refused");
		err = reply_error(rq, 500, "internal", "the judge failed: %s",
		    rep.message ? rep.message : "unknown reason");
	} else {
		err = reply_json(rq, 200, check_json(jp, &rep));
	}
	run_slot_give(rq);
out:
	judge_report_free(&rep);
	problem_free(jp);
	store_problem_free(p);
	json_decref(body);
	return err;
}

struct MHD_Response *
api_admin_rejudge(struct request *rq)
{
	struct app	     *app = rq->app;
	struct MHD_Response  *err;
	struct store_problem *p;
	enum store_rc	      rc;
	int64_t		     *ids;
	size_t		      n, i;

	if ((err = auth_require_admin(rq)) != NULL)
		return err;
	rc = store_problem_get(app->store, rq->route.slug, false, false, &p);
	store_problem_free(p);
	if (rc == STORE_NOTFOUND)
		return no_problem(rq);
	if (rc == STORE_OK)
		rc = store_submission_rejudge(app->store, rq->route.slug, &ids,
		    &n);
	if (rc != STORE_OK)
		return reply_store_failed(rq, rc, "try again");
	/* Event streams of these submissions start over. */
	for (i = 0; i < n; i++)
		hub_reopen(app->hub, ids[i]);
	free(ids);
	if (n > 0)
		queue_kick(app->queue);
	log_info("admin %s: rejudging %zu submission(s) of %s", rq->who.name,
	    n, rq->route.slug);
	return reply_json(rq, 202, json_pack("{s:I}", "queued", (json_int_t)n));
}
