/*
 * judge/compile.c -- sandboxed compilation, the compile cache and the
 * precompiled header; see compile.h.
 *
 * Cache layout, all created and written by the judge (root) only:
 *   <cache>/tmp/       0700: compile directories (c-*, 0777 inside) and
 *                      entries being assembled (e-*)
 *   <cache>/bin/<key>/ 0755: one compiled submission (the artifact, or
 *                      the source files for interpreted languages)
 *   <cache>/pch/<key>/ 0755: a precompiled header and its sources
 *   <cache>/pch.lock   serialises precompiled header builds
 * Entries appear by rename(), so a reader never sees half of one. bin/ is
 * kept to $GAVEL_CACHE_MAX entries, least recently used out first.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "judge/compile.h"
#include "judge/fsutil.h"
#include "judge/paths.h"
#include "judge/verdict.h"
#include "sandbox/sandbox.h"
#include "util/log.h"
#include "util/xalloc.h"

/* A binary bigger is refused (CE): each stays in the cache, so a huge
 * initialised array must not cost the disk 60 MB per submission. */
#define ARTIFACT_MAX	  (16ull << 20)
#define PCH_MAX		  (1ull << 30)
#define PCH_CPU_MS	  120000u
#define PCH_MEMORY_KB	  (1024ull * 1024)
#define COMPILE_PIDS	  32u
#define COMPILE_FSIZE_KB  (512ull * 1024)
#define CACHE_MAX_ENTRIES 4096 /* compiled submissions kept */
#define PCH_KEEP	  4	 /* precompiled headers kept */

/* Milliseconds on the monotonic clock. */
static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
compile_hash(const char *const *parts, const size_t *lens, size_t n,
    char hex[65])
{
	crypto_hash_sha256_state st;
	unsigned char		 out[crypto_hash_sha256_BYTES];
	size_t			 i;

	if (sodium_init() < 0)
		abort(); /* cannot happen for hashing; never go on unsure */
	crypto_hash_sha256_init(&st);
	for (i = 0; i < n; i++) {
		uint64_t len = lens[i];

		/* Length-prefixed, so no two part lists collide. */
		crypto_hash_sha256_update(&st, (const unsigned char *)&len,
		    sizeof(len));
		crypto_hash_sha256_update(&st,
		    (const unsigned char *)parts[i], len);
	}
	crypto_hash_sha256_final(&st, out);
	sodium_bin2hex(hex, 65, out, sizeof(out));
}

/*** The cache directory ***/

/*
 * Open (creating) dir name under parent, refusing anything that is not a
 * directory of ours closed to others' writes. Returns an O_PATH-less
 * directory fd or -1.
 */
static int
open_private_dir(int parent, const char *name, mode_t mode)
{
	struct stat st;
	int	    fd;

	if (mkdirat(parent, name, mode) < 0 && errno != EEXIST)
		return -1;
	fd = openat(parent, name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_uid != geteuid() ||
	    (st.st_mode & 022) != 0) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

struct cache {
	const char *root; /* borrowed: judge_cache_dir() */
	int	    rootfd;
	int	    tmpfd;
	int	    binfd;
	int	    pchfd;
};

static void
cache_close(struct cache *c)
{
	if (c->rootfd >= 0)
		close(c->rootfd);
	if (c->tmpfd >= 0)
		close(c->tmpfd);
	if (c->binfd >= 0)
		close(c->binfd);
	if (c->pchfd >= 0)
		close(c->pchfd);
	c->rootfd = c->tmpfd = c->binfd = c->pchfd = -1;
}

/* mkdir -p of the cache root's parents, then the root checks. */
static int
cache_open(struct cache *c, char *err, size_t errlen)
{
	char *path, *p;

	c->root = judge_cache_dir();
	c->rootfd = c->tmpfd = c->binfd = c->pchfd = -1;
	path = xstrdup(c->root);
	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		(void)mkdir(path, 0755);
		*p = '/';
	}
	free(path);
	if (mkdir(c->root, 0755) < 0 && errno != EEXIST)
		goto fail;
	c->rootfd = open_private_dir(AT_FDCWD, c->root, 0755);
	if (c->rootfd < 0)
		goto fail;
	c->tmpfd = open_private_dir(c->rootfd, "tmp", 0700);
	c->binfd = open_private_dir(c->rootfd, "bin", 0755);
	c->pchfd = open_private_dir(c->rootfd, "pch", 0755);
	if (c->tmpfd < 0 || c->binfd < 0 || c->pchfd < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "compile cache %s: %s (it must be a directory "
	    "owned by the judge, not writable by others)", c->root,
	    strerror(errno));
	cache_close(c);
	return -1;
}

/*
 * A fresh directory <cache>/tmp/<prefix>XXXXXX with the given mode. Returns
 * its name (caller owns) or NULL.
 */
static char *
cache_mktemp(struct cache *c, const char *prefix, mode_t mode)
{
	char *path = xasprintf("%s/tmp/%sXXXXXX", c->root, prefix);
	char *name;

	if (mkdtemp(path) == NULL) {
		free(path);
		return NULL;
	}
	if (chmod(path, mode) < 0) {
		(void)rmdir(path);
		free(path);
		return NULL;
	}
	name = xstrdup(strrchr(path, '/') + 1);
	free(path);
	return name;
}

/* Write files into tmp/name. Returns 0 or -1 with errno. */
static int
write_files(struct cache *c, const char *name,
    const struct compile_file *files, size_t n, mode_t mode)
{
	int    dfd, rc = 0;
	size_t i;

	dfd = openat(c->tmpfd, name,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (strchr(files[i].name, '/') != NULL ||
		    files[i].name[0] == '.') {
			errno = EINVAL;
			rc = -1;
			break;
		}
		rc = fs_write_new(dfd, files[i].name, files[i].data,
		    files[i].len, mode);
	}
	close(dfd);
	return rc;
}

/*
 * Move the assembled entry tmp/name to <sub>/key. Returns 0 when the entry
 * now exists (ours, or an equal one another judge put there first).
 */
static int
cache_publish(struct cache *c, const char *name, int subfd, const char *key)
{
	int dfd;

	dfd = openat(c->tmpfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (dfd >= 0) {
		(void)fchmod(dfd, 0755);
		close(dfd);
	}
	if (renameat(c->tmpfd, name, subfd, key) == 0)
		return 0;
	if (errno == EEXIST || errno == ENOTEMPTY) {
		(void)sandbox_rmtree_at(c->tmpfd, name);
		return 0;
	}
	log_warn("compile cache: rename %s", name);
	(void)sandbox_rmtree_at(c->tmpfd, name);
	return -1;
}

struct aged {
	char		name[72];
	struct timespec mtime;
};

static int
aged_cmp(const void *a, const void *b)
{
	const struct aged *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

/*
 * Keep the entries of a cache directory to max: past it, remove the
 * least recently used (oldest mtime; a hit touches its entry) down to 90%
 * (bin/: $GAVEL_CACHE_MAX, default CACHE_MAX_ENTRIES; pch/: PCH_KEEP).
 * A judge still running an entry that old would lose it, which takes
 * thousands of compiles (or four header versions) during one judge.
 */
static void
cache_prune_dir(int dirfd, long max)
{
	struct aged   *v = NULL;
	size_t	       n = 0, cap = 0, i, keep;
	DIR	      *d;
	struct dirent *e;
	int	       fd;

	fd = dup(dirfd);
	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (e->d_name[0] == '.' || strlen(e->d_name) >= 72 ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		strcpy(v[n].name, e->d_name);
		v[n].mtime = st.st_mtim;
		n++;
	}
	closedir(d);
	if (n > (size_t)max) {
		qsort(v, n, sizeof(*v), aged_cmp);
		keep = (size_t)max - (size_t)max / 10;
		for (i = 0; i + keep < n; i++)
			if (sandbox_rmtree_at(dirfd, v[i].name) < 0)
				log_warn("compile cache: removing %s",
				    v[i].name);
	}
	free(v);
}

static void
cache_prune(struct cache *c)
{
	const char *env = getenv("GAVEL_CACHE_MAX");
	long	    max = env != NULL ? atol(env) : CACHE_MAX_ENTRIES;

	cache_prune_dir(c->binfd, max > 0 ? max : CACHE_MAX_ENTRIES);
}

/* Whether <sub>/key exists as a directory. */
static bool
cache_has(int subfd, const char *key)
{
	struct stat st;

	return fstatat(subfd, key, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode);
}

/*** Boxes ***/

/*
 * Run argv in a box with the host directory dir (absolute) at /box
 * read-write and pch_dir (or NULL) at /gavel read-only; stdout and stderr
 * both go to outfd.
 */
static void
box_compile(char *const *argv, const char *dir, const char *pch_dir,
    uint32_t cpu_ms, uint64_t memory_kb, uint64_t output_max, int outfd,
    struct sandbox_result *res)
{
	struct sandbox_config cfg;
	struct sandbox_bind   binds[2];
	size_t		      nbinds = 0;

	memset(&cfg, 0, sizeof(cfg));
	binds[nbinds++] = (struct sandbox_bind){ .host = dir,
		.inside = "/box", .rw = true };
	if (pch_dir != NULL)
		binds[nbinds++] = (struct sandbox_bind){ .host = pch_dir,
			.inside = "/gavel", .rw = false };
	cfg.argv = (const char *const *)argv;
	cfg.cwd = "/box";
	cfg.binds = binds;
	cfg.nbinds = nbinds;
	sandbox_limits_default(&cfg.limits);
	cfg.limits.cpu_ms = cpu_ms;
	/* Compilers do I/O on a shared, loaded machine: generous wall. */
	cfg.limits.wall_ms = 3 * cpu_ms + 5000;
	cfg.limits.memory_kb = memory_kb;
	cfg.limits.pids = COMPILE_PIDS;
	cfg.limits.fsize_kb = COMPILE_FSIZE_KB;
	cfg.limits.stdout_max = output_max;
	cfg.limits.stderr_max = output_max;
	cfg.stdin_fd = -1;
	cfg.stdout_fd = outfd;
	cfg.stderr_fd = outfd;
	if (sandbox_run(&cfg, res) < 0 && res->status != SANDBOX_ERROR)
		res->status = SANDBOX_ERROR;
}

/*** The precompiled header ***/

char *
compile_pch(const struct lang *lang, const struct compile_file *files,
    size_t nfiles, uint32_t *built_ms)
{
	struct cache	      c;
	struct sandbox_result res;
	const char	    **parts;
	size_t		     *lens, i, np = 0;
	char		      key[65], err[512], *gch = NULL, *dir = NULL;
	char		     *work = NULL, *entry = NULL, *workpath = NULL;
	int		      lockfd = -1, outfd = -1, wfd = -1, efd = -1;
	uint64_t	      t0 = now_ms();

	if (built_ms != NULL)
		*built_ms = 0;
	if (lang->pch_header == NULL || nfiles == 0 ||
	    strcmp(files[0].name, lang->pch_header) != 0)
		return NULL;
	if (cache_open(&c, err, sizeof(err)) < 0) {
		log_warnx("%s", err);
		return NULL;
	}
	parts = xcalloc(2 * nfiles + 2, sizeof(*parts));
	lens = xcalloc(2 * nfiles + 2, sizeof(*lens));
	parts[np] = "gavel-pch-v1";
	lens[np] = strlen(parts[np]);
	np++;
	parts[np] = lang->row;
	lens[np] = strlen(lang->row);
	np++;
	for (i = 0; i < nfiles; i++) {
		parts[np] = files[i].name;
		lens[np++] = strlen(files[i].name);
		parts[np] = files[i].data;
		lens[np++] = files[i].len;
	}
	compile_hash(parts, lens, np, key);
	free(parts);
	free(lens);
	dir = xasprintf("%s/pch/%s", c.root, key);
	if (cache_has(c.pchfd, key)) {
		(void)utimensat(c.pchfd, key, NULL, AT_SYMLINK_NOFOLLOW);
		goto out;
	}

	/* One build at a time: the others wait and then find it. */
	lockfd = openat(c.rootfd, "pch.lock",
	    O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (lockfd < 0 || flock(lockfd, LOCK_EX) < 0) {
		log_warn("compile cache: pch.lock");
		goto fail;
	}
	if (cache_has(c.pchfd, key))
		goto out;
	work = cache_mktemp(&c, "p-", 0777);
	entry = cache_mktemp(&c, "e-", 0700);
	if (work == NULL || entry == NULL ||
	    write_files(&c, work, files, nfiles, 0644) < 0 ||
	    write_files(&c, entry, files, nfiles, 0644) < 0) {
		log_warn("compile cache: pch files");
		goto fail;
	}
	outfd = memfd_create("gavel-pch", MFD_CLOEXEC);
	if (outfd < 0)
		goto fail;
	workpath = xasprintf("%s/tmp/%s", c.root, work);
	box_compile(lang->pch_build, workpath, NULL, PCH_CPU_MS,
	    PCH_MEMORY_KB, 1u << 20, outfd, &res);
	if (res.status != SANDBOX_OK) {
		char  how[300];
		char *out = fs_read_fd(outfd, 4096, 0, NULL);

		log_warnx("precompiled header for %s: %s: %s", lang->id,
		    verdict_describe(&res, how, sizeof(how)), out);
		free(out);
		goto fail;
	}
	gch = xasprintf("%s.gch", lang->pch_header);
	wfd = openat(c.tmpfd, work, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	efd = openat(c.tmpfd, entry, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (wfd < 0 || efd < 0 ||
	    fs_copy_untrusted(wfd, gch, PCH_MAX, efd, gch, 0644) < 0) {
		log_warn("precompiled header for %s: reading %s", lang->id,
		    gch);
		goto fail;
	}
	if (cache_publish(&c, entry, c.pchfd, key) < 0)
		goto fail;
	/* Headers of older harness versions: 120 MB each, keep a few. */
	cache_prune_dir(c.pchfd, PCH_KEEP);
	free(entry);
	entry = NULL;
	if (built_ms != NULL)
		*built_ms = (uint32_t)(now_ms() - t0);
	log_info("built the precompiled header of %s in %u ms", lang->id,
	    (unsigned)(now_ms() - t0));
	goto out;
fail:
	free(dir);
	dir = NULL;
out:
	if (wfd >= 0)
		close(wfd);
	if (efd >= 0)
		close(efd);
	if (outfd >= 0)
		close(outfd);
	if (work != NULL)
		(void)sandbox_rmtree_at(c.tmpfd, work);
	if (entry != NULL)
		(void)sandbox_rmtree_at(c.tmpfd, entry);
	if (lockfd >= 0)
		close(lockfd); /* releases the lock */
	free(work);
	free(entry);
	free(workpath);
	free(gch);
	cache_close(&c);
	return dir;
}

/*** Compiling ***/

void
compile_result_free(struct compile_result *res)
{
	if (res == NULL)
		return;
	free(res->dir);
	free(res->output);
	free(res->message);
	memset(res, 0, sizeof(*res));
}

/* The cache key of a request (with the pch directory's key, if any). */
static void
request_key(const struct compile_request *req, const char *pch_dir,
    char key[65])
{
	size_t	     n = 0, i, cap = 9 + 2 * req->nextra;
	const char **parts = xcalloc(cap, sizeof(*parts));
	size_t	    *lens = xcalloc(cap, sizeof(*lens));

#define PART(p, l)            \
	do {                  \
		parts[n] = (p); \
		lens[n++] = (l); \
	} while (0)
	PART("gavel-compile-v1", 16);
	PART(req->lang->row, strlen(req->lang->row));
	PART(req->key_extra ? req->key_extra : "",
	    req->key_extra ? strlen(req->key_extra) : 0);
	PART(pch_dir ? pch_dir : "", pch_dir ? strlen(pch_dir) : 0);
	PART(req->skip_check ? "unchecked" : "checked",
	    req->skip_check ? 9 : 7);
	PART(req->source_name ? req->source_name : "",
	    req->source_name ? strlen(req->source_name) : 0);
	PART(req->source, req->source_len);
	for (i = 0; i < req->nextra; i++) {
		PART(req->extra[i].name, strlen(req->extra[i].name));
		PART(req->extra[i].data, req->extra[i].len);
	}
#undef PART
	compile_hash(parts, lens, n, key);
	free(parts);
	free(lens);
}

/* Set a CE/IE result's fields from a finished compile box. */
static void
compile_failed(struct compile_result *res, const struct lang *lang,
    const struct sandbox_result *box, const char *artifact_err)
{
	char how[300];

	res->verdict = verdict_classify_compile(box, artifact_err == NULL);
	switch (box->status) {
	case SANDBOX_TIME_LIMIT:
	case SANDBOX_WALL_LIMIT:
		res->message = xasprintf("compilation took too long "
					 "(limit %u ms of CPU time)",
		    lang->compile_cpu_ms);
		break;
	case SANDBOX_MEMORY_LIMIT:
		res->message = xasprintf("the compiler ran out of memory "
					 "(limit %u MB)",
		    lang->compile_memory_mb);
		break;
	case SANDBOX_OUTPUT_LIMIT:
		res->message = xasprintf("compiler output or a file it wrote "
					 "was too big (shown up to %u KB)",
		    lang->compile_output_kb);
		break;
	case SANDBOX_OK:
		res->message = xasprintf("the compiler left no %s: %s",
		    lang->artifact, artifact_err);
		break;
	case SANDBOX_ERROR:
		res->message = xasprintf("the compile sandbox failed: %s",
		    box->message);
		break;
	case SANDBOX_EXITED:
	case SANDBOX_SIGNALED:
		res->message = xasprintf("compilation failed (%s)",
		    verdict_describe(box, how, sizeof(how)));
		break;
	}
}

int
compile_run(const struct compile_request *req, struct compile_result *res)
{
	const struct lang    *lang = req->lang;
	struct cache	      c;
	struct sandbox_result box;
	struct compile_file   src;
	char		      key[65], err[512];
	char		     *pch_dir = NULL, *work = NULL, *entry = NULL;
	char		     *workpath = NULL, **argv = NULL;
	int		      outfd = -1, wfd = -1, efd = -1;
	uint64_t	      t0 = now_ms();
	bool		      run_compiler;
	size_t		      i;

	memset(res, 0, sizeof(*res));
	if (lang == NULL || req->source == NULL)
		return -1;
	res->verdict = VERDICT_IE;
	if (cache_open(&c, err, sizeof(err)) < 0) {
		res->message = xstrdup(err);
		return 0;
	}
	run_compiler = lang->compile != NULL && !req->skip_check;
	if (run_compiler && req->pch_files != NULL && lang->pch_header != NULL)
		pch_dir = compile_pch(lang, req->pch_files, req->npch_files,
		    NULL);
	res->used_pch = pch_dir != NULL;
	request_key(req, pch_dir, key);
	if (cache_has(c.binfd, key)) {
		/* Touch it: pruning removes the least recently used. */
		(void)utimensat(c.binfd, key, NULL, AT_SYMLINK_NOFOLLOW);
		res->verdict = VERDICT_AC;
		res->cached = true;
		res->dir = xasprintf("%s/bin/%s", c.root, key);
		goto out;
	}

	src.name = req->source_name != NULL ? req->source_name : lang->source;
	src.data = req->source;
	src.len = req->source_len;
	entry = cache_mktemp(&c, "e-", 0700);
	if (entry == NULL) {
		res->message = xasprintf("compile cache: %s", strerror(errno));
		goto out;
	}
	if (lang->artifact == NULL &&
	    (write_files(&c, entry, &src, 1, 0644) < 0 ||
		write_files(&c, entry, req->extra, req->nextra, 0644) < 0)) {
		res->message = xasprintf("compile cache: %s", strerror(errno));
		goto out;
	}
	if (run_compiler) {
		work = cache_mktemp(&c, "c-", 0777);
		if (work == NULL ||
		    write_files(&c, work, &src, 1, 0644) < 0 ||
		    write_files(&c, work, req->extra, req->nextra, 0644) < 0) {
			res->message = xasprintf("compile directory: %s",
			    strerror(errno));
			goto out;
		}
		outfd = memfd_create("gavel-cc", MFD_CLOEXEC);
		if (outfd < 0) {
			res->message = xasprintf("memfd: %s", strerror(errno));
			goto out;
		}
		workpath = xasprintf("%s/tmp/%s", c.root, work);
		argv = lang_compile_argv(lang, pch_dir != NULL);
		for (i = 0; argv[i] != NULL; i++) {
			if (strcmp(argv[i], lang->source) == 0 &&
			    strcmp(src.name, lang->source) != 0) {
				free(argv[i]);
				argv[i] = xstrdup(src.name);
			}
		}
		box_compile(argv, workpath, pch_dir, lang->compile_cpu_ms,
		    (uint64_t)lang->compile_memory_mb * 1024,
		    (uint64_t)lang->compile_output_kb * 1024, outfd, &box);
		res->cpu_ms = box.cpu_ms;
		res->output = fs_read_fd(outfd,
		    (size_t)lang->compile_output_kb * 1024, 0, NULL);
		if (res->output != NULL && res->output[0] == '\0') {
			free(res->output);
			res->output = NULL;
		}
		if (box.status != SANDBOX_OK) {
			compile_failed(res, lang, &box, NULL);
			goto out;
		}
		if (lang->artifact != NULL) {
			wfd = openat(c.tmpfd, work, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
			efd = openat(c.tmpfd, entry, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
			if (wfd < 0 || efd < 0 ||
			    fs_copy_untrusted(wfd, lang->artifact,
				ARTIFACT_MAX, efd, lang->artifact, 0755) < 0) {
				const char *why = errno == ELOOP ?
				    "it is a symbolic link" :
				    errno == EINVAL ? "not a regular file" :
				    errno == EFBIG ? "it is too big" :
						     strerror(errno);

				/* A planted link or a huge binary is the
				 * source's doing: CE, not IE. */
				compile_failed(res, lang, &box, why);
				if (errno == ELOOP || errno == EINVAL ||
				    errno == EFBIG)
					res->verdict = VERDICT_CE;
				goto out;
			}
		}
	}
	if (cache_publish(&c, entry, c.binfd, key) < 0) {
		res->message = xstrdup("compile cache: publish failed");
		goto out;
	}
	res->dir = xasprintf("%s/bin/%s", c.root, key);
	free(entry);
	entry = NULL;
	res->verdict = VERDICT_AC;
	cache_prune(&c);
out:
	if (wfd >= 0)
		close(wfd);
	if (efd >= 0)
		close(efd);
	if (outfd >= 0)
		close(outfd);
	if (work != NULL && sandbox_rmtree_at(c.tmpfd, work) < 0)
		log_warn("removing compile directory %s", work);
	if (entry != NULL)
		(void)sandbox_rmtree_at(c.tmpfd, entry);
	free(work);
	free(entry);
	free(workpath);
	free(pch_dir);
	lang_argv_free(argv);
	cache_close(&c);
	res->wall_ms = (uint32_t)(now_ms() - t0);
	return 0;
}

/*** Scratch directories ***/

char *
compile_tmpdir(const char *prefix, mode_t mode)
{
	struct cache c;
	char	     err[512], *name, *path;

	if (cache_open(&c, err, sizeof(err)) < 0) {
		log_warnx("%s", err);
		errno = EPERM;
		return NULL;
	}
	name = cache_mktemp(&c, prefix, mode);
	path = name != NULL ? xasprintf("%s/tmp/%s", c.root, name) : NULL;
	free(name);
	cache_close(&c);
	return path;
}

void
compile_tmpdir_remove(const char *path)
{
	struct cache c;
	char	     err[512];
	const char  *name;

	if (path == NULL)
		return;
	name = strrchr(path, '/');
	if (name == NULL || cache_open(&c, err, sizeof(err)) < 0)
		return;
	if (sandbox_rmtree_at(c.tmpfd, name + 1) < 0)
		log_warn("removing %s", path);
	cache_close(&c);
}
