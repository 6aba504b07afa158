/*
 * tests/unit/server/test_authoring.c -- admins' problems
 * (src/server/authoring.c, package.c, files.c): definitions checked and
 * written as problem directories, installed atomically and imported;
 * hostile archives refused with nothing left on disk.
 */
#include <archive.h>
#include <archive_entry.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/authoring.h"
#include "server/catalog.h"
#include "server/files.h"
#include "server/package.h"

static char	     base[] = "/tmp/gavel-authoring-XXXXXX";
static char	     root[300], dbpath[300];
static struct store *st;

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(base));
	snprintf(root, sizeof(root), "%s/authored", base);
	snprintf(dbpath, sizeof(dbpath), "%s/t.db", base);
	cr_assert_not_null(st = store_open(dbpath));
	char *r = authoring_open_root(root);

	cr_assert_not_null(r);
	free(r);
}

static void
teardown(void)
{
	store_close(st);
	cr_assert_eq(files_rmtree(base), 0);
}

TestSuite(authoring, .init = setup, .fini = teardown);

/* Entries of root, "." and ".." aside. */
static int
entries(const char *dir)
{
	DIR	      *d = opendir(dir);
	struct dirent *e;
	int	       n = 0;

	cr_assert_not_null(d, "%s", dir);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Whether root/slug/rel exists. */
static bool
exists(const char *slug, const char *rel)
{
	char	    p[600];
	struct stat sb;

	snprintf(p, sizeof(p), "%s/%s/%s", root, slug, rel);
	return lstat(p, &sb) == 0;
}

static const char *const FUNCTION_DEF =
    "{\"title\": \"Add\", \"difficulty\": \"Easy\", \"tags\": [\"Math\"],"
    " \"kind\": \"function\", \"statement\": \"# Add\\n\\nReturn a+b.\","
    " \"signature\": {\"name\": \"add\", \"params\": [{\"name\": \"a\","
    "  \"type\": \"integer\"}, {\"name\": \"b\", \"type\": \"integer\"}],"
    "  \"return\": {\"type\": \"integer\"}},"
    " \"limits\": {\"time_ms\": 1000, \"memory_mb\": 128},"
    " \"starter\": {\"python3\": \"class Solution:\\n    pass\\n\"},"
    " \"samples\": [{\"name\": \"01\", \"input\": \"1\\n2\", \"answer\": "
    "\"3\\n\"}],"
    " \"tests\": [{\"input\": \"5\\n6\\n\", \"answer\": \"11\"},"
    "  {\"input\": \"-1\\n1\\n\", \"answer\": \"0\"}]}";

static json_t *
def_of(const char *text)
{
	json_error_t je;
	json_t	    *j = json_loads(text, JSON_ALLOW_NUL, &je);

	cr_assert_not_null(j, "%s", je.text);
	return j;
}

/* Build and install def as slug: the install's rc. */
static enum authoring_rc
put(const char *slug, json_t *def, bool *created, char *err, size_t errlen)
{
	struct authoring_def d;
	enum authoring_rc    rc;
	char		    *tmp = NULL;
	size_t		     n;

	rc = authoring_build(root, slug, def, 65536, &d, &tmp, err, errlen);
	if (rc != AUTHORING_OK) {
		cr_assert_null(tmp);
		return rc;
	}
	rc = authoring_install(st, root, slug, tmp, tmp, created, &n, err,
	    errlen);
	free(tmp);
	return rc;
}

Test(authoring, a_definition_becomes_a_hidden_problem_and_round_trips)
{
	struct store_problem *p;
	json_t		     *def = def_of(FUNCTION_DEF), *back;
	char		      err[512] = "";
	bool		      created;
	char		     *text;

	cr_assert_eq(put("add", def, &created, err, sizeof(err)), AUTHORING_OK,
	    "%s", err);
	cr_assert(created);
	cr_assert(exists("add", "problem.json"));
	cr_assert(exists("add", "starter/python3.py"));
	cr_assert(exists("add", "tests/sample/01.in"));
	cr_assert(exists("add", "tests/secret/02.ans"));
	cr_assert_eq(entries(root), 1, "no temporary directory is left");

	cr_assert_eq(store_problem_get(st, "add", true, true, &p), STORE_OK);
	cr_assert(p->hidden, "a new authored problem is a draft");
	cr_assert(p->authored);
	cr_assert_eq(p->nsamples, 1);
	cr_assert_eq(p->nsecret, 2);
	cr_assert_str_eq(p->samples[0].input, "1\n2\n", "lines end in \\n");
	cr_assert_eq(p->time_ms, 1000);
	back = authoring_definition(p);
	store_problem_free(p);
	text = json_dumps(back, JSON_COMPACT);
	cr_assert_not_null(strstr(text, "\"tests\":[{\"name\":\"01\","
					"\"input\":\"5\\n6\\n\",\"answer\":"
					"\"11\"}"),
	    "%s", text);
	cr_assert_not_null(strstr(text, "\"compare\":{\"mode\":\"exact\"}"));
	free(text);

	/* What GET gives, PUT takes: a replace, atomic, not a create. */
	json_object_set_new(back, "title", json_string("Add Two"));
	cr_assert_eq(put("add", back, &created, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	cr_assert_not(created);
	cr_assert_eq(entries(root), 1);
	cr_assert_eq(store_problem_get(st, "add", false, false, &p), STORE_OK);
	cr_assert_str_eq(p->title, "Add Two");
	store_problem_free(p);
	json_decref(back);
	json_decref(def);
}

Test(authoring, stdio_problems_take_any_text_and_a_validator)
{
	json_t *def = def_of("{\"title\": \"Echo\", \"kind\": \"stdio\","
			     " \"statement\": \"Echo.\", \"validator\":"
			     " \"float_tolerance 1e-6 case_sensitive\","
			     " \"samples\": [], \"tests\": [{\"name\":"
			     " \"g1/a\", \"input\": \"\\u0001\\r\\n\","
			     " \"answer\": \"x\"}]}");
	struct store_problem *p;
	char		      err[512] = "";
	bool		      created;

	cr_assert_eq(put("echo", def, &created, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	cr_assert(exists("echo", "tests/secret/g1/a.in"));
	cr_assert_eq(store_problem_get(st, "echo", true, true, &p), STORE_OK);
	cr_assert_str_eq(p->kind, "stdio");
	cr_assert_str_eq(p->difficulty, "Medium");
	cr_assert_str_eq(p->secret[0].name, "g1/a");
	store_problem_free(p);
	json_decref(def);
}

Test(authoring, bad_definitions_are_refused_and_leave_nothing)
{
	static const struct {
		const char *patch; /* merged into the good definition */
		const char *why;   /* in the error */
	} bad[] = {
		{ "{\"titel\": \"x\"}", "unknown field \"titel\"" },
		{ "{\"title\": null}", "missing field \"title\"" },
		{ "{\"title\": \"\"}", "title is empty" },
		{ "{\"title\": \"a\\u0007b\"}", "control characters" },
		{ "{\"difficulty\": \"Trivial\"}", "Easy, Medium or Hard" },
		{ "{\"tags\": [1]}", "tags must be strings" },
		{ "{\"kind\": \"interactive\"}", "function or stdio" },
		{ "{\"signature\": null}", "missing field \"signature\"" },
		{ "{\"signature\": {\"name\": \"1x\", \"params\": [],"
		  " \"return\": {\"type\": \"integer\"}}}", "signature" },
		{ "{\"kind\": \"stdio\"}", "stdio problem has no signature" },
		{ "{\"validator\": \"x\"}", "compare, not a validator" },
		{ "{\"compare\": {\"mode\": \"checker\"}}", "compare.mode" },
		{ "{\"compare\": {\"mode\": \"exact\", \"tol\": 1}}",
		    "unknown field \"tol\" in compare" },
		{ "{\"limits\": {\"time_ms\": 0}}", "limits.time_ms" },
		{ "{\"limits\": {\"memory_mb\": 99999}}", "limits.memory_mb" },
		{ "{\"starter\": {\"cobol\": \"x\"}}", "unknown language" },
		{ "{\"starter\": {\"c\": \"x\"}}", "cannot solve function" },
		{ "{\"samples\": [], \"tests\": []}", "at least one test" },
		{ "{\"tests\": [{\"input\": \"1\\n\", \"answer\": \"1\"}]}",
		    "1 value lines in the input, the signature has 2" },
		{ "{\"tests\": [{\"input\": \"1\\n\\\"x\\\"\\n\", \"answer\":"
		  " \"1\"}]}", "parameter 2" },
		{ "{\"tests\": [{\"input\": \"1\\n[\\n\", \"answer\": \"1\"}]}",
		    "line 2" },
		{ "{\"tests\": [{\"input\": \"1\\n2\\n\", \"answer\": \"x\"}]}",
		    "answer" },
		{ "{\"tests\": [{\"input\": \"1\\n2\\n\", \"answer\": "
		  "\"3000000000\"}]}", "answer" },
		{ "{\"tests\": [{\"name\": \"../x\", \"input\": \"1\\n2\\n\","
		  " \"answer\": \"3\"}]}", "the name of test 1" },
		{ "{\"tests\": [{\"name\": \"a\", \"input\": \"1\\n2\\n\","
		  " \"answer\": \"3\"}, {\"name\": \"a\", \"input\":"
		  " \"1\\n2\\n\", \"answer\": \"3\"}]}", "two test tests" },
		{ "{\"tests\": [{\"input\": \"1\\n2\\n\", \"answer\": \"3\"},"
		  " {\"name\": \"01\", \"input\": \"1\\n2\\n\", \"answer\":"
		  " \"3\"}]}", "by position" },
		{ "{\"difficulty\": 3}", "\"difficulty\" must be a string" },
		{ "{\"tests\": [{\"input\": \"1\\n2\\n\"}]}",
		    "answer of test 1 must be a string" },
		{ "{\"tests\": [{\"input\": \"1\\u0000\\n2\\n\", \"answer\":"
		  " \"3\"}]}", "NUL" },
		{ "{\"tests\": [{\"input\": \"1\\n2\\n\", \"answer\": \"3\","
		  " \"hidden\": true}]}", "unknown field \"hidden\" of test 1" },
		{ "{\"slug\": \"other\"}", "field \"slug\" is not x" },
		{ "{\"hidden\": \"yes\"}", "\"hidden\" must be a boolean" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t		    *def = def_of(FUNCTION_DEF);
		json_t		    *patch = def_of(bad[i].patch), *v;
		struct authoring_def d;
		const char	    *k;
		char		     err[512] = "", *tmp = NULL;

		json_object_foreach(patch, k, v) {
			if (json_is_null(v))
				json_object_del(def, k);
			else
				json_object_set(def, k, v);
		}
		cr_assert_eq(authoring_build(root, "x", def, 65536, &d, &tmp,
				 err, sizeof(err)),
		    AUTHORING_INVALID, "%s: accepted", bad[i].patch);
		cr_assert_not_null(strstr(err, bad[i].why),
		    "%s: \"%s\" lacks \"%s\"", bad[i].patch, err, bad[i].why);
		cr_assert_null(tmp);
		cr_assert_eq(entries(root), 0, "%s left something",
		    bad[i].patch);
		json_decref(patch);
		json_decref(def);
	}
}

/*** Archives ***************************************************************/

struct zentry {
	const char *name;
	mode_t	    type; /* AE_IFREG, AE_IFDIR, AE_IFLNK, ... */
	const char *data; /* file contents (NULL: size zeros) */
	size_t	    size;
	const char *link; /* symlink target or hard link source */
};

/* A zip archive of the entries (libarchive's writer). Caller frees. */
static char *
zip_of(const struct zentry *z, size_t n, size_t *len)
{
	struct archive	     *a = archive_write_new();
	struct archive_entry *e;
	size_t		      cap = 8 << 20, i, done;
	char		     *buf = malloc(cap), *zeros = calloc(1, 1 << 16);

	cr_assert_eq(archive_write_set_format_zip(a), ARCHIVE_OK);
	cr_assert_eq(archive_write_open_memory(a, buf, cap, len), ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		e = archive_entry_new();
		archive_entry_set_pathname(e, z[i].name);
		archive_entry_set_filetype(e, z[i].type);
		archive_entry_set_perm(e, 0644);
		if (z[i].type == AE_IFLNK)
			archive_entry_set_symlink(e, z[i].link);
		else if (z[i].link != NULL)
			archive_entry_set_hardlink(e, z[i].link);
		if (z[i].type == AE_IFREG && z[i].link == NULL)
			archive_entry_set_size(e,
			    z[i].data ? strlen(z[i].data) : z[i].size);
		cr_assert_geq(archive_write_header(a, e), ARCHIVE_WARN, "%s",
		    archive_error_string(a));
		if (z[i].type == AE_IFREG && z[i].data != NULL)
			archive_write_data(a, z[i].data, strlen(z[i].data));
		else if (z[i].type == AE_IFREG && z[i].link == NULL)
			for (done = 0; done < z[i].size; done += 1 << 16)
				archive_write_data(a, zeros,
				    z[i].size - done < (1 << 16)
					? z[i].size - done
					: 1 << 16);
		archive_entry_free(e);
	}
	cr_assert_eq(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	free(zeros);
	return buf;
}

static const struct package_caps caps = { 50, 1 << 20, 3 << 20 };

static enum authoring_rc
unpack(const struct zentry *z, size_t n, char *err, size_t errlen,
    char **tmp, char **pkg)
{
	size_t		  len;
	char		 *zip = zip_of(z, n, &len);
	enum authoring_rc rc;

	rc = package_unpack(root, "pkg", zip, len, &caps, tmp, pkg, err, errlen);
	free(zip);
	return rc;
}

#define KATTIS(prefix)                                                        \
	{ prefix "problem.yaml", AE_IFREG, "name: Sum\n", 0, NULL },          \
	    { prefix "problem_statement/problem.md", AE_IFREG,                \
		"# Sum\n", 0, NULL },                                         \
	    { prefix "data/sample/1.in", AE_IFREG, "1 2\n", 0, NULL },        \
	    { prefix "data/sample/1.ans", AE_IFREG, "3\n", 0, NULL },         \
	    { prefix "data/secret/", AE_IFDIR, NULL, 0, NULL },               \
	    { prefix "data/secret/a.in", AE_IFREG, "5 6\n", 0, NULL },        \
	{                                                                     \
		prefix "data/secret/a.ans", AE_IFREG, "11\n", 0, NULL         \
	}

Test(authoring, a_kattis_package_unpacks_and_installs)
{
	static const struct zentry flat[] = { KATTIS("") };
	static const struct zentry wrapped[] = { KATTIS("sum-pkg/") };
	struct store_problem	  *p;
	char			   err[512] = "", *tmp, *pkg;
	size_t			   n;
	bool			   created;

	cr_assert_eq(unpack(flat, 7, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_OK, "%s", err);
	cr_assert_str_eq(tmp, pkg);
	cr_assert_eq(authoring_install(st, root, "pkg", tmp, pkg, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	cr_assert(created);
	cr_assert_eq(n, 2);
	free(tmp);
	free(pkg);
	cr_assert_eq(store_problem_get(st, "pkg", true, true, &p), STORE_OK);
	cr_assert_str_eq(p->title, "Sum");
	cr_assert_str_eq(p->statement, "# Sum\n");
	cr_assert_str_eq(p->secret[0].answer, "11\n");
	store_problem_free(p);

	/* Wrapped in one top-level directory: that is the package. */
	cr_assert_eq(unpack(wrapped, 7, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_OK, "%s", err);
	cr_assert_str_neq(tmp, pkg);
	cr_assert_eq(authoring_install(st, root, "pkg", tmp, pkg, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	cr_assert_not(created);
	free(tmp);
	free(pkg);
	cr_assert_eq(entries(root), 1, "only the problem is left");
	cr_assert(exists("pkg", "data/secret/a.in"));
}

/* The mode bits of root/rel. */
static mode_t
mode_of(const char *rel)
{
	char	    p[600];
	struct stat sb;

	snprintf(p, sizeof(p), "%s/%s", root, rel);
	cr_assert_eq(lstat(p, &sb), 0, "%s", p);
	return sb.st_mode & 07777;
}

Test(authoring, a_strict_umask_still_leaves_the_problem_readable)
{
	static const struct zentry wrapped[] = { KATTIS("w/") };
	json_t			  *def;
	char			   err[512] = "", *tmp, *pkg;
	size_t			   n;
	bool			   created;

	umask(077);
	cr_assert_eq(unpack(wrapped, 7, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_OK, "%s", err);
	cr_assert_eq(authoring_install(st, root, "pkg", tmp, pkg, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	free(tmp);
	free(pkg);
	cr_assert_eq(mode_of("pkg"), 0755);
	cr_assert_eq(mode_of("pkg/data"), 0755);
	cr_assert_eq(mode_of("pkg/data/secret"), 0755);
	cr_assert_eq(mode_of("pkg/data/secret/a.in"), 0644);
	def = def_of(FUNCTION_DEF);
	cr_assert_eq(put("sum", def, &created, err, sizeof(err)), AUTHORING_OK,
	    "%s", err);
	json_decref(def);
	cr_assert_eq(mode_of("sum/tests/secret"), 0755);
	cr_assert_eq(mode_of("sum/tests/secret/01.in"), 0644);
}

Test(authoring, hostile_archives_are_refused_and_leave_nothing)
{
	static const struct {
		struct zentry	  z[3];
		size_t		  n;
		enum authoring_rc rc;
		const char	 *why;
	} bad[] = {
		{ { { "../evil", AE_IFREG, "x", 0, NULL } }, 1, AUTHORING_UNSAFE,
		    "'..'" },
		{ { { "a/../../evil", AE_IFREG, "x", 0, NULL } }, 1,
		    AUTHORING_UNSAFE, "'..'" },
		{ { { "/tmp/gavel-evil", AE_IFREG, "x", 0, NULL } }, 1,
		    AUTHORING_UNSAFE, "absolute" },
		{ { { "a//b", AE_IFREG, "x", 0, NULL } }, 1, AUTHORING_UNSAFE,
		    "empty" },
		{ { { "./a", AE_IFREG, "x", 0, NULL } }, 1, AUTHORING_UNSAFE,
		    "'.'" },
		{ { { "a\\..\\b", AE_IFREG, "x", 0, NULL } }, 1,
		    AUTHORING_UNSAFE, "backslash" },
		{ { { "link", AE_IFLNK, NULL, 0, "/etc" } }, 1,
		    AUTHORING_UNSAFE, "no links" },
		/* Devices: libarchive cannot write them to a zip; the
		   integration test crafts one (test_admin.py). */
		{ { { "big", AE_IFREG, NULL, (1 << 20) + 1, NULL } }, 1,
		    AUTHORING_UNSAFE, "a file over" },
		{ { { "b1", AE_IFREG, NULL, 1 << 20, NULL },
		      { "b2", AE_IFREG, NULL, 1 << 20, NULL },
		      { "b3", AE_IFREG, NULL, 1 << 20, NULL } },
		    3, AUTHORING_OK, NULL }, /* exactly at the total cap */
		{ { { "a", AE_IFREG, "x", 0, NULL },
		      { "a", AE_IFREG, "y", 0, NULL } },
		    2, AUTHORING_UNSAFE, "duplicate" },
		{ { { "a", AE_IFREG, "x", 0, NULL },
		      { "a/b", AE_IFREG, "y", 0, NULL } },
		    2, AUTHORING_UNSAFE, "clashing" },
		{ { { "notes.txt", AE_IFREG, "x", 0, NULL } }, 1,
		    AUTHORING_INVALID, "no problem.yaml" },
	};
	char   err[512], *tmp, *pkg, evil[400];
	size_t i;

	snprintf(evil, sizeof(evil), "%s/evil", base);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		enum authoring_rc rc;

		err[0] = '\0';
		rc = unpack(bad[i].z, bad[i].n, err, sizeof(err), &tmp, &pkg);
		if (bad[i].why == NULL) {
			/* 3 MiB fit; they hold no problem, though. */
			cr_assert_eq(rc, AUTHORING_INVALID, "%zu: %s", i, err);
			cr_assert_not_null(strstr(err, "no problem.yaml"));
		} else {
			cr_assert_eq(rc, bad[i].rc, "%s: %d (%s)",
			    bad[i].z[bad[i].n - 1].name, rc, err);
			cr_assert_not_null(strstr(err, bad[i].why),
			    "%s: \"%s\" lacks \"%s\"", bad[i].z[0].name, err,
			    bad[i].why);
		}
		cr_assert_null(tmp);
		cr_assert_null(pkg);
		cr_assert_eq(entries(root), 0, "%zu left something", i);
		cr_assert_eq(access(evil, F_OK), -1, "%zu wrote beside the root",
		    i);
	}
	cr_assert_eq(access("/tmp/gavel-evil", F_OK), -1);
}

Test(authoring, caps_on_entries_and_total_size_stop_a_bomb)
{
	static const char garbage[] = "PK\003\004garbage";
	struct zentry	  many[60], bomb[4];
	char	      names[60][16], err[512], *tmp, *pkg;
	size_t	      i, len;
	char	     *zip;

	for (i = 0; i < 60; i++) {
		snprintf(names[i], sizeof(names[i]), "f%zu", i);
		many[i] = (struct zentry){ names[i], AE_IFREG, "x", 0, NULL };
	}
	cr_assert_eq(unpack(many, 60, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_UNSAFE);
	cr_assert_not_null(strstr(err, "more than 50 entries"), "%s", err);
	cr_assert_eq(entries(root), 0);

	/* 4 MiB of zeros packs to a few KiB: the total cap stops it. */
	for (i = 0; i < 4; i++)
		bomb[i] = (struct zentry){ names[i], AE_IFREG, NULL, 1 << 20,
			NULL };
	zip = zip_of(bomb, 4, &len);
	cr_assert_lt(len, 64 << 10, "a compressed bomb");
	cr_assert_eq(package_unpack(root, "pkg", zip, len, &caps, &tmp,
			 &pkg, err, sizeof(err)),
	    AUTHORING_UNSAFE);
	cr_assert_not_null(strstr(err, "unpacked"), "%s", err);
	cr_assert_eq(entries(root), 0);
	free(zip);

	cr_assert_eq(package_unpack(root, "pkg", garbage, sizeof(garbage) - 1,
			 &caps, &tmp, &pkg, err, sizeof(err)),
	    AUTHORING_INVALID);
	cr_assert_eq(entries(root), 0);
}

Test(authoring, a_package_the_judge_refuses_keeps_the_old_problem)
{
	static const struct zentry good[] = { KATTIS("") };
	static const struct zentry empty[] = {
		{ "problem.yaml", AE_IFREG, "name: Empty\n", 0, NULL },
	};
	struct store_problem *p;
	char		      err[512] = "", *tmp, *pkg;
	size_t		      n;
	bool		      created;

	cr_assert_eq(unpack(good, 7, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_OK);
	cr_assert_eq(authoring_install(st, root, "pkg", tmp, pkg, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	free(tmp);
	free(pkg);
	cr_assert_eq(unpack(empty, 1, err, sizeof(err), &tmp, &pkg),
	    AUTHORING_OK);
	cr_assert_eq(authoring_install(st, root, "pkg", tmp, pkg, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_INVALID);
	cr_assert_not_null(strstr(err, "no tests"), "%s", err);
	free(tmp);
	free(pkg);
	cr_assert_eq(entries(root), 1);
	cr_assert(exists("pkg", "data/secret/a.in"), "old files stay");
	cr_assert_eq(store_problem_get(st, "pkg", false, false, &p), STORE_OK);
	cr_assert_str_eq(p->title, "Sum");
	store_problem_free(p);
}

Test(authoring, rmtree_and_open_root_never_follow_symlinks)
{
	char outside[400], keep[450], link[600], left[500], *r;
	FILE *f;

	snprintf(outside, sizeof(outside), "%s/outside", base);
	snprintf(keep, sizeof(keep), "%s/keep", outside);
	cr_assert_eq(mkdir(outside, 0755), 0);
	cr_assert_not_null(f = fopen(keep, "w"));
	fclose(f);
	/* A crash's leftover holding a symlink to outside. */
	snprintf(left, sizeof(left), "%s/.tmp-x-abc", root);
	cr_assert_eq(mkdir(left, 0700), 0);
	snprintf(link, sizeof(link), "%s/out", left);
	cr_assert_eq(symlink(outside, link), 0);
	cr_assert_not_null(r = authoring_open_root(root));
	free(r);
	cr_assert_eq(entries(root), 0, "the leftover is gone");
	cr_assert_eq(access(keep, F_OK), 0, "what it pointed to is not");
}

/*** The catalog's two roots ************************************************/

Test(authoring, the_catalog_scans_both_roots_and_retires_nothing_on_failure)
{
	static const struct zentry pkg[] = { KATTIS("") };
	struct catalog_root	   roots[2];
	struct catalog_stats	   cs;
	struct store_problem	  *p;
	char			   bundled[300], moved[400], err[512] = "";
	char			  *tmp, *dir;
	size_t			   n;
	bool			   created;

	/* Bundled: "dup". Authored: "dup" (ignored) and "mine". */
	snprintf(bundled, sizeof(bundled), "%s/bundled", base);
	cr_assert_eq(mkdir(bundled, 0755), 0);
	cr_assert_eq(unpack(pkg, 7, err, sizeof(err), &tmp, &dir),
	    AUTHORING_OK);
	cr_assert_eq(authoring_install(st, root, "mine", tmp, dir, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	free(tmp);
	free(dir);
	cr_assert_eq(unpack(pkg, 7, err, sizeof(err), &tmp, &dir),
	    AUTHORING_OK);
	snprintf(moved, sizeof(moved), "%s/dup", bundled);
	cr_assert_eq(rename(dir, moved), 0);
	files_rmtree(tmp);
	free(tmp);
	free(dir);
	cr_assert_eq(unpack(pkg, 7, err, sizeof(err), &tmp, &dir),
	    AUTHORING_OK);
	cr_assert_eq(authoring_install(st, root, "dup", tmp, dir, &created,
			 &n, err, sizeof(err)),
	    AUTHORING_OK, "%s", err);
	free(tmp);
	free(dir);

	roots[0] = (struct catalog_root){ bundled, false };
	roots[1] = (struct catalog_root){ root, true };
	cr_assert_eq(catalog_sync(st, roots, 2, &cs), 0);
	cr_assert_eq(cs.seen, 2, "dup counts once");
	cr_assert_eq(store_problem_get(st, "dup", false, false, &p), STORE_OK);
	cr_assert_not(p->authored, "the bundled copy wins");
	cr_assert_not_null(strstr(p->dir, "/bundled/dup"), "%s", p->dir);
	store_problem_free(p);
	cr_assert_eq(store_problem_get(st, "mine", false, false, &p),
	    STORE_OK);
	cr_assert(p->authored);
	cr_assert(p->hidden);
	store_problem_free(p);

	/* The authored root unreadable: the sync fails, nothing retires. */
	snprintf(moved, sizeof(moved), "%s/away", base);
	cr_assert_eq(rename(root, moved), 0);
	cr_assert_eq(catalog_sync(st, roots, 2, &cs), -1);
	cr_assert_eq(store_problem_get(st, "mine", false, false, &p),
	    STORE_OK, "still active");
	store_problem_free(p);
	cr_assert_eq(rename(moved, root), 0);
	/* Gone for real: retired. */
	cr_assert_eq(files_rmtree(root), 0);
	cr_assert_eq(mkdir(root, 0755), 0);
	cr_assert_eq(catalog_sync(st, roots, 2, &cs), 0);
	cr_assert_eq(cs.retired, 1);
	cr_assert_eq(store_problem_get(st, "mine", false, false, &p),
	    STORE_NOTFOUND);
}
