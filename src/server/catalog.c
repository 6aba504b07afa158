/*
 * server/catalog.c -- the problems directory, read into the store; see
 * catalog.h.
 */
#include "server/catalog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/problem.h"
#include "server/router.h"
#include "util/log.h"
#include "util/xalloc.h"

#define MAX_FILE (64u << 20) /* a test bigger than this is a mistake */

/* The whole of a regular file, NUL-terminated; NULL on failure. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char	   *buf;
	size_t	    got = 0;
	ssize_t	    n;
	int	    fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > MAX_FILE) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	if (len != NULL)
		*len = got;
	return buf;
}

struct paths {
	char **v;
	size_t n;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Every regular file under base/rel, as paths relative to base, sorted.
 * Hidden files and __pycache__ are left out.
 */
static void
walk(const char *base, const char *rel, struct paths *out)
{
	char	      *dir = rel[0] ? xasprintf("%s/%s", base, rel)
				    : xstrdup(base);
	DIR	      *d = opendir(dir);
	struct dirent *e;
	struct stat    st;

	if (d == NULL) {
		free(dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *r, *full;

		if (e->d_name[0] == '.' || strcmp(e->d_name, "__pycache__") == 0)
			continue;
		r = rel[0] ? xasprintf("%s/%s", rel, e->d_name)
			   : xstrdup(e->d_name);
		full = xasprintf("%s/%s", base, r);
		/*
		 * Real directories only: a symlinked one could loop. A
		 * symlinked file (a shared test) is read like any other.
		 */
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(base, r, out);
			free(r);
		} else if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof(char *));
			out->v[out->n++] = r;
		} else {
			free(r);
		}
		free(full);
	}
	closedir(d);
	free(dir);
	if (rel[0] == '\0' && out->n > 1)
		qsort(out->v, out->n, sizeof(char *), cmp_str);
}

static void
paths_free(struct paths *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/* FNV-1a, 64 bits: change detection, not security. */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t		     i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}


/* starter/<language>.<ext> files as a JSON object text. */
static char *
load_starters(const char *pdir, const struct paths *all)
{
	json_t *o = json_object();
	char   *s;
	size_t	i;

	for (i = 0; i < all->n; i++) {
		const char *r = all->v[i], *name, *dot;
		char	   *path, *code, *lang;

		if (strncmp(r, "starter/", 8) != 0 || strchr(r + 8, '/'))
			continue;
		name = r + 8;
		dot = strchr(name, '.');
		lang = dot ? xstrndup(name, (size_t)(dot - name))
			   : xstrdup(name);
		path = xasprintf("%s/%s", pdir, r);
		code = slurp(path, NULL);
		if (code != NULL && json_object_get(o, lang) == NULL)
			json_object_set_new(o, lang, json_string(code));
		free(code);
		free(path);
		free(lang);
	}
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static char *
dup_json_str(json_t *o, const char *key, const char *def)
{
	json_t *v = json_object_get(o, key);

	return xstrdup(json_is_string(v) ? json_string_value(v) : def);
}

/*
 * The content hash of the files all (relative to pdir), and of where
 * pdir is: the same problem moved (from the authored root to the bundled
 * one, say) is imported again, with its new directory. Caller frees.
 */
static char *
hash_files(const char *pdir, const struct paths *all)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t	 i, len;
	char	*path, *buf, real[PATH_MAX];

	if (realpath(pdir, real) != NULL)
		h = fnv(h, real, strlen(real) + 1);
	for (i = 0; i < all->n; i++) {
		path = xasprintf("%s/%s", pdir, all->v[i]);
		buf = slurp(path, &len);
		free(path);
		if (buf == NULL)
			continue;
		h = fnv(h, all->v[i], strlen(all->v[i]) + 1);
		h = fnv(h, &len, sizeof(len));
		h = fnv(h, buf, len);
		free(buf);
	}
	return xasprintf("fnv1a64:%016" PRIx64, h);
}

/* Read one test pair from the judge's view of it into *t. */
static int
read_test(const struct problem_test *pt, struct store_test *t, char *err,
    size_t errlen)
{
	const char *slash = strchr(pt->name, '/');

	/* "sample/01" -> "01", as the API shows it. */
	t->name = xstrdup(slash ? slash + 1 : pt->name);
	t->input = slurp(pt->input, &t->input_len);
	t->answer = slurp(pt->answer, &t->answer_len);
	if (t->input == NULL || t->answer == NULL) {
		snprintf(err, errlen, "%s: unreadable test", pt->name);
		return -1;
	}
	return 0;
}

/* The statement: statement.md, or a Kattis package's Markdown one. */
static char *
load_statement(const char *pdir)
{
	static const char *const names[] = {
		"statement.md",
		"problem_statement/problem.md",
		"problem_statement/problem.en.md",
		"statement/problem.en.md",
	};
	size_t i;
	char  *path, *text;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		path = xasprintf("%s/%s", pdir, names[i]);
		text = slurp(path, NULL);
		free(path);
		if (text != NULL)
			return text;
	}
	return xstrdup("");
}

int
catalog_load(const char *pdir, const char *slug, struct store_problem *p,
    char *err, size_t errlen)
{
	struct paths	all = { 0 };
	struct problem *jp = NULL;
	json_t	       *meta = NULL, *v;
	char	       *path;
	size_t		i;
	int		rc = -1;

	memset(p, 0, sizeof(*p));
	p->slug = xstrdup(slug);
	walk(pdir, "", &all);
	p->content_hash = hash_files(pdir, &all);

	/*
	 * The judge's own loader: the same tests, in the same order, and
	 * the same limits as it will judge with, for both formats.
	 */
	if (problem_load(pdir, &jp, err, errlen) != 0)
		goto out;
	p->dir = xstrdup(jp->dir);
	p->title = xstrdup(jp->title ? jp->title : slug);
	p->kind = xstrdup(jp->kind == PROBLEM_FUNCTION ? "function" : "stdio");
	p->signature_json = jp->signature ? xstrdup(jp->signature) : NULL;
	p->time_ms = jp->time_ms ? jp->time_ms : PROBLEM_DEFAULT_TIME_MS;
	p->memory_mb = (uint32_t)(jp->memory_kb / 1024);

	/* What only the catalog knows: difficulty and tags (problem.json). */
	path = xasprintf("%s/problem.json", pdir);
	meta = json_load_file(path, 0, NULL);
	free(path);
	p->difficulty = dup_json_str(meta, "difficulty", "Medium");
	v = json_object_get(meta, "tags");
	p->tags_json = json_is_array(v) ? json_dumps(v, JSON_COMPACT)
					: xstrdup("[]");
	p->statement = load_statement(pdir);
	p->starter_json = load_starters(pdir, &all);

	p->samples = xcalloc(jp->nsamples + 1, sizeof(*p->samples));
	p->secret = xcalloc(jp->ntests - jp->nsamples + 1, sizeof(*p->secret));
	for (i = 0; i < jp->ntests; i++) {
		struct store_test *t = i < jp->nsamples
					   ? &p->samples[p->nsamples++]
					   : &p->secret[p->nsecret++];

		if (read_test(&jp->tests[i], t, err, errlen) != 0)
			goto out;
	}
	rc = 0;
out:
	json_decref(meta);
	problem_free(jp);
	paths_free(&all);
	return rc;
}

/*
 * Problems that failed to load, with the content hash they failed at, so
 * a broken problem is reported once per change, not at every re-sync.
 */
struct failed {
	char	      *slug;
	char	      *hash;
	struct failed *next;
};

static pthread_mutex_t failed_lock = PTHREAD_MUTEX_INITIALIZER;
static struct failed  *failed_list;

/* Whether slug failed at hash before; with remember, record that it did. */
static bool
failed_before(const char *slug, const char *hash, bool remember)
{
	struct failed *f;
	bool	       seen = false;

	pthread_mutex_lock(&failed_lock);
	for (f = failed_list; f != NULL; f = f->next)
		if (strcmp(f->slug, slug) == 0)
			break;
	if (f != NULL && strcmp(f->hash, hash) == 0)
		seen = true;
	else if (remember) {
		if (f == NULL) {
			f = xcalloc(1, sizeof(*f));
			f->slug = xstrdup(slug);
			f->next = failed_list;
			failed_list = f;
		}
		free(f->hash);
		f->hash = xstrdup(hash);
	}
	pthread_mutex_unlock(&failed_lock);
	return seen;
}

/*
 * Whether pdir needs no import: the stored copy has its content hash,
 * or it failed to load at this very hash already (*known_bad).
 */
static bool
unchanged(struct store *st, const char *pdir, const char *slug,
    bool *known_bad)
{
	struct paths all = { 0 };
	char	    *now, *stored = NULL;
	bool	     same;

	*known_bad = false;
	walk(pdir, "", &all);
	now = hash_files(pdir, &all);
	paths_free(&all);
	if (store_problem_hash(st, slug, &stored) == STORE_OK &&
	    strcmp(now, stored) == 0)
		same = true;
	else
		same = *known_bad = failed_before(slug, now, false);
	free(now);
	free(stored);
	return same;
}

/* Serializes syncs and installs: see catalog_lock(). */
static pthread_mutex_t catalog_mutex = PTHREAD_MUTEX_INITIALIZER;

void
catalog_lock(void)
{
	pthread_mutex_lock(&catalog_mutex);
}

void
catalog_unlock(void)
{
	pthread_mutex_unlock(&catalog_mutex);
}

/* Store a loaded problem with its flags; *changed as store_problem_put. */
static int
put_loaded(struct store *st, struct store_problem *p, bool authored,
    bool hidden, bool *changed)
{
	p->authored = authored;
	p->hidden = hidden;
	if (store_problem_put(st, p, changed) != STORE_OK)
		return -1;
	if (*changed)
		log_info("catalog: imported %s (%zu samples, %zu hidden tests)",
		    p->slug, p->nsamples, p->nsecret);
	return 0;
}

int
catalog_import(struct store *st, const char *pdir, const char *slug,
    bool authored, bool hidden, char *err, size_t errlen)
{
	struct store_problem p;
	bool		     changed;
	int		     rc = -1;

	if (catalog_load(pdir, slug, &p, err, errlen) == 0) {
		rc = put_loaded(st, &p, authored, hidden, &changed) == 0 ? 0
									 : -2;
		if (rc == -2)
			snprintf(err, errlen, "the database failed");
	}
	store_problem_clear(&p);
	return rc;
}

/* Whether slug is among v[0..n). */
static bool
has_slug(char *const *v, size_t n, const char *slug)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], slug) == 0)
			return true;
	return false;
}

/*
 * Sync the problems of one root; their slugs are added to *slugs. 0, or
 * -1 when the directory cannot be read or the store fails.
 */
static int
sync_root(struct store *st, const struct catalog_root *root, char ***slugs,
    size_t *nslugs, struct catalog_stats *out)
{
	DIR	      *d;
	struct dirent *e;

	if ((d = opendir(root->dir)) == NULL) {
		log_warn("catalog: %s", root->dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		struct store_problem p;
		struct stat	     sb;
		char		    *pdir, *meta, *yaml, err[256];
		bool		     changed, known_bad;

		if (e->d_name[0] == '.' || e->d_name[0] == '_' ||
		    !router_valid_slug(e->d_name))
			continue;
		pdir = xasprintf("%s/%s", root->dir, e->d_name);
		meta = xasprintf("%s/problem.json", pdir);
		yaml = xasprintf("%s/problem.yaml", pdir);
		if (stat(meta, &sb) != 0 && stat(yaml, &sb) != 0) {
			free(yaml);
			free(meta);
			free(pdir);
			continue;
		}
		free(yaml);
		free(meta);
		if (has_slug(*slugs, *nslugs, e->d_name)) {
			/* The earlier root (the bundled catalog) wins. */
			if (!failed_before(e->d_name, root->dir, true))
				log_warnx("catalog: %s: also in an earlier "
					  "directory; ignoring %s",
				    e->d_name, pdir);
			free(pdir);
			continue;
		}
		out->seen++;
		*slugs = xrealloc(*slugs, (*nslugs + 1) * sizeof(**slugs));
		(*slugs)[(*nslugs)++] = xstrdup(e->d_name);
		err[0] = '\0';
		if (unchanged(st, pdir, e->d_name, &known_bad)) {
			if (known_bad)
				out->failed++;
			free(pdir);
			continue;
		}
		if (catalog_load(pdir, e->d_name, &p, err, sizeof(err)) != 0) {
			log_warnx("catalog: %s: %s (keeping the stored copy)",
			    e->d_name, err);
			failed_before(e->d_name, p.content_hash, true);
			out->failed++;
		} else if (put_loaded(st, &p, root->authored, root->authored,
			       &changed) != 0) {
			/* (Authored problems arrive as drafts: hidden.) */
			store_problem_clear(&p);
			free(pdir);
			closedir(d);
			return -1;
		} else if (changed) {
			out->changed++;
		}
		store_problem_clear(&p);
		free(pdir);
	}
	closedir(d);
	return 0;
}

int
catalog_sync(struct store *st, const struct catalog_root *roots,
    size_t nroots, struct catalog_stats *out)
{
	char **slugs = NULL;
	size_t nslugs = 0, i;
	int    rc = -1;

	memset(out, 0, sizeof(*out));
	catalog_lock();
	/* Any unreadable root stops the sync before anything is retired. */
	for (i = 0; i < nroots; i++)
		if (sync_root(st, &roots[i], &slugs, &nslugs, out) != 0)
			goto out;
	if (store_problem_retire_others(st, (const char *const *)slugs,
		nslugs, &out->retired) != STORE_OK)
		goto out;
	if (out->retired > 0)
		log_info("catalog: retired %zu problem(s) gone from %s%s",
		    out->retired, roots[0].dir, nroots > 1 ? " and the others" : "");
	rc = 0;
out:
	catalog_unlock();
	for (i = 0; i < nslugs; i++)
		free(slugs[i]);
	free(slugs);
	return rc;
}
