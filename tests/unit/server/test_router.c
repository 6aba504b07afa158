/*
 * tests/unit/server/test_router.c -- the API routing table
 * (src/server/router.c): matches, captures, 404 versus 405.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "server/router.h"

static enum route_status
m(const char *method, const char *path, struct route_match *rm)
{
	return router_match(method, path, rm);
}

Test(router, fixed_paths)
{
	struct route_match rm;

	cr_assert_eq(m("GET", "/api/health", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_HEALTH);
	cr_assert_eq(m("GET", "/api/languages", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_LANGUAGES);
	cr_assert_eq(m("GET", "/api/problems", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_PROBLEMS);
	cr_assert_eq(m("POST", "/api/run", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_RUN);
	cr_assert_eq(m("POST", "/api/submissions", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_SUBMIT);
	cr_assert_eq(m("GET", "/api/submissions", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_SUBMISSIONS);
}

Test(router, head_is_get)
{
	struct route_match rm;

	cr_assert_eq(m("HEAD", "/api/problems", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_PROBLEMS);
	cr_assert_eq(m("HEAD", "/", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_STATIC);
}

Test(router, slug_capture)
{
	struct route_match rm;

	cr_assert_eq(m("GET", "/api/problems/two-sum", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_PROBLEM);
	cr_assert_str_eq(rm.slug, "two-sum");
	cr_assert_eq(m("GET", "/api/problems/Two-Sum", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems/..", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems/a_b", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems/", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems//x", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems/x/y", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/problems/x'--", &rm), ROUTE_NOT_FOUND);
}

Test(router, slug_length)
{
	struct route_match rm;
	char		   path[300], slug[ROUTE_SLUG_MAX + 2];

	memset(slug, 'a', ROUTE_SLUG_MAX);
	slug[ROUTE_SLUG_MAX] = '\0';
	snprintf(path, sizeof(path), "/api/problems/%s", slug);
	cr_assert_eq(m("GET", path, &rm), ROUTE_OK);
	cr_assert_str_eq(rm.slug, slug);
	slug[ROUTE_SLUG_MAX] = 'a';
	slug[ROUTE_SLUG_MAX + 1] = '\0';
	snprintf(path, sizeof(path), "/api/problems/%s", slug);
	cr_assert_eq(m("GET", path, &rm), ROUTE_NOT_FOUND);
}

Test(router, id_capture)
{
	struct route_match rm;

	cr_assert_eq(m("GET", "/api/submissions/17", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_SUBMISSION);
	cr_assert_eq(rm.sub_id, 17);
	cr_assert_eq(m("GET", "/api/submissions/17/events", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_SUBMISSION_EVENTS);
	cr_assert_eq(rm.sub_id, 17);
	cr_assert_eq(m("GET", "/api/submissions/999999999999999999", &rm),
	    ROUTE_OK);
	cr_assert_eq(rm.sub_id, 999999999999999999LL);
}

Test(router, bad_ids)
{
	static const char *const bad[] = {
		"/api/submissions/0", "/api/submissions/-1",
		"/api/submissions/+1", "/api/submissions/01",
		"/api/submissions/1e3", "/api/submissions/abc",
		"/api/submissions/1 ", "/api/submissions/9999999999999999999",
		"/api/submissions/17/", "/api/submissions/17/eventsx",
		"/api/submissions/17/events/1",
	};
	struct route_match rm;
	size_t		   i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(m("GET", bad[i], &rm), ROUTE_NOT_FOUND, "%s",
		    bad[i]);
}

Test(router, method_not_allowed)
{
	struct route_match rm;

	cr_assert_eq(m("DELETE", "/api/submissions", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD, POST");
	cr_assert_eq(m("GET", "/api/run", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "POST");
	cr_assert_eq(m("POST", "/api/problems/x", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD");
	cr_assert_eq(m("POST", "/api/submissions/3/events", &rm),
	    ROUTE_BAD_METHOD);
	cr_assert_eq(m("POST", "/index.html", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD");
}

Test(router, unknown_api_is_not_static)
{
	struct route_match rm;

	cr_assert_eq(m("GET", "/api/nothing", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/apis", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_STATIC);
	cr_assert_eq(m("GET", "/problems/two-sum", &rm), ROUTE_OK);
	cr_assert_eq(rm.id, ROUTE_STATIC);
}

Test(router, garbage)
{
	struct route_match rm;

	cr_assert_eq(m("GET", "", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "api/health", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m(NULL, "/", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", NULL, &rm), ROUTE_NOT_FOUND);
}

Test(router, valid_slug)
{
	cr_assert(router_valid_slug("a"));
	cr_assert(router_valid_slug("two-sum-2"));
	cr_assert_not(router_valid_slug(""));
	cr_assert_not(router_valid_slug(NULL));
	cr_assert_not(router_valid_slug("../x"));
	cr_assert_not(router_valid_slug("a b"));
	cr_assert_not(router_valid_slug("A"));
}

Test(router, account_routes)
{
	static const struct {
		const char   *method, *path;
		enum route_id id;
	} ok[] = {
		{ "POST", "/api/auth/register", ROUTE_REGISTER },
		{ "POST", "/api/auth/login", ROUTE_LOGIN },
		{ "POST", "/api/auth/logout", ROUTE_LOGOUT },
		{ "POST", "/api/auth/password", ROUTE_PASSWORD },
		{ "GET", "/api/me", ROUTE_ME },
		{ "HEAD", "/api/me", ROUTE_ME },
		{ "GET", "/api/tokens", ROUTE_TOKENS },
		{ "POST", "/api/tokens", ROUTE_TOKEN_CREATE },
		{ "DELETE", "/api/tokens/12", ROUTE_TOKEN_DELETE },
	};
	struct route_match rm;
	size_t		   i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		cr_assert_eq(m(ok[i].method, ok[i].path, &rm), ROUTE_OK, "%s %s",
		    ok[i].method, ok[i].path);
		cr_assert_eq(rm.id, ok[i].id, "%s %s", ok[i].method,
		    ok[i].path);
	}
	cr_assert_eq(m("DELETE", "/api/tokens/12", &rm), ROUTE_OK);
	cr_assert_eq(rm.sub_id, 12);
	cr_assert_eq(m("DELETE", "/api/tokens/0", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("DELETE", "/api/tokens/x", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("DELETE", "/api/tokens/1/2", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/auth", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/auth/login", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "POST");
	cr_assert_eq(m("PUT", "/api/tokens", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD, POST");
	cr_assert_eq(m("GET", "/api/tokens/3", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "DELETE");
	cr_assert_eq(m("DELETE", "/api/me", &rm), ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD");
}

Test(router, admin_routes)
{
	static const struct {
		const char   *method, *path;
		enum route_id id;
	} ok[] = {
		{ "GET", "/api/admin/problems", ROUTE_ADMIN_PROBLEMS },
		{ "HEAD", "/api/admin/problems", ROUTE_ADMIN_PROBLEMS },
		{ "GET", "/api/admin/problems/two-sum", ROUTE_ADMIN_PROBLEM },
		{ "PUT", "/api/admin/problems/two-sum", ROUTE_ADMIN_PUT },
		{ "POST", "/api/admin/problems/two-sum/package",
		    ROUTE_ADMIN_PACKAGE },
		{ "POST", "/api/admin/problems/two-sum/visibility",
		    ROUTE_ADMIN_VISIBILITY },
		{ "POST", "/api/admin/problems/two-sum/check", ROUTE_ADMIN_CHECK },
		{ "POST", "/api/admin/problems/two-sum/rejudge",
		    ROUTE_ADMIN_REJUDGE },
	};
	struct route_match rm;
	size_t		   i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		cr_assert_eq(m(ok[i].method, ok[i].path, &rm), ROUTE_OK, "%s %s",
		    ok[i].method, ok[i].path);
		cr_assert_eq(rm.id, ok[i].id, "%s", ok[i].path);
		cr_assert(router_is_admin(rm.id));
		if (strcmp(ok[i].path, "/api/admin/problems") != 0)
			cr_assert_str_eq(rm.slug, "two-sum");
	}
	cr_assert_not(router_is_admin(ROUTE_PROBLEM));
	cr_assert_not(router_is_admin(ROUTE_RUN));
	cr_assert_not(router_is_admin(ROUTE_STATIC));

	cr_assert_eq(m("POST", "/api/admin/problems/two-sum", &rm),
	    ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "GET, HEAD, PUT");
	cr_assert_eq(m("GET", "/api/admin/problems/two-sum/rejudge", &rm),
	    ROUTE_BAD_METHOD);
	cr_assert_str_eq(rm.allow, "POST");
	cr_assert_eq(m("PUT", "/api/admin/problems", &rm), ROUTE_BAD_METHOD);
	cr_assert_eq(m("PUT", "/api/problems/two-sum", &rm), ROUTE_BAD_METHOD);
	cr_assert_eq(m("POST", "/api/admin/problems/two-sum/nope", &rm),
	    ROUTE_NOT_FOUND);
	cr_assert_eq(m("PUT", "/api/admin/problems/Two_Sum", &rm),
	    ROUTE_NOT_FOUND);
	cr_assert_eq(m("PUT", "/api/admin/problems/..", &rm), ROUTE_NOT_FOUND);
	cr_assert_eq(m("POST", "/api/admin/problems/a/b/check", &rm),
	    ROUTE_NOT_FOUND);
	cr_assert_eq(m("GET", "/api/admin", &rm), ROUTE_NOT_FOUND);
}
