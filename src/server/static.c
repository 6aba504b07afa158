/*
 * server/static.c -- the built web UI (web/dist), served from /.
 *
 * Only files under the UI directory: a ".." segment is refused outright,
 * and the resolved path (symlinks followed) must still lie inside the
 * directory's own resolved path. Hashed build assets (assets/name-HASH.ext)
 * are cached for a year as immutable; everything else, index.html first,
 * is revalidated (no-cache, with an ETag). A path that names no file and
 * has no extension is a client-side route: it gets index.html.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/app.h"
#include "util/xalloc.h"

static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".map", "application/json" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".webp", "image/webp" },
	{ ".ico", "image/x-icon" },
	{ ".woff", "font/woff" },
	{ ".woff2", "font/woff2" },
	{ ".ttf", "font/ttf" },
	{ ".otf", "font/otf" },
	{ ".wasm", "application/wasm" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".md", "text/markdown; charset=utf-8" },
	{ ".webmanifest", "application/manifest+json" },
};

static const char *
content_type(const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t	    i;

	if (dot != NULL && strchr(dot, '/') == NULL)
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcasecmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* Vite's hashed names: assets/<name>-<8+ chars of [A-Za-z0-9_-]>.<ext>. */
static bool
hashed_asset(const char *rel)
{
	const char *base = strrchr(rel, '/'), *dash, *dot, *p;

	if (strncmp(rel, "assets/", 7) != 0)
		return false;
	base = base ? base + 1 : rel;
	dot = strrchr(base, '.');
	if (dot == NULL)
		return false;
	for (dash = dot; dash > base && dash[-1] != '-'; dash--)
		;
	if (dash == base || dot - dash < 8)
		return false;
	for (p = dash; p < dot; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return false;
	return true;
}

/* Whether the path has a ".." segment (or a backslash, or a NUL-cut). */
static bool
traversal(const char *p)
{
	const char *s = p;

	if (strchr(p, '\\') != NULL)
		return true;
	while ((s = strstr(s, "..")) != NULL) {
		if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
			return true;
		s += 2;
	}
	return false;
}

/*
 * Open root/rel when it resolves inside root: an fd on a regular file,
 * -1 with errno (ENOENT, EACCES for an escape, EISDIR).
 */
static int
open_inside(const char *root, const char *rel, struct stat *st, char **real)
{
	char *path = xasprintf("%s/%s", root, rel);
	char  buf[PATH_MAX];
	size_t rn = strlen(root);
	int   fd;

	*real = NULL;
	if (realpath(path, buf) == NULL) {
		free(path);
		return -1;
	}
	free(path);
	if (strncmp(buf, root, rn) != 0 || buf[rn] != '/') {
		errno = EACCES;
		return -1;
	}
	fd = open(buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0) {
		close(fd);
		errno = EACCES;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		errno = S_ISDIR(st->st_mode) ? EISDIR : EACCES;
		return -1;
	}
	*real = xstrdup(buf + rn + 1);
	return fd;
}

struct MHD_Response *
web_static(struct request *rq)
{
	const char	    *root = rq->app->web_root, *inm, *last;
	struct MHD_Response *r;
	struct stat	     st;
	char		    *rel, *real = NULL, etag[64];
	int		     fd;

	if (root == NULL)
		return reply_error(rq, 404, "not_found",
		    "the web UI is not built: run `npm ci && npm run build` "
		    "in web/, or pass --web DIR");
	if (traversal(rq->path))
		return reply_error(rq, 400, "bad_request",
		    "\"..\" is not allowed in paths");
	rel = xstrdup(rq->path + 1);
	if (rel[0] == '\0' || rel[strlen(rel) - 1] == '/') {
		char *t = xasprintf("%sindex.html", rel);

		free(rel);
		rel = t;
	}
	last = strrchr(rel, '/');
	last = last ? last + 1 : rel;
	if (last[0] == '.') {
		free(rel);
		return reply_error(rq, 404, "not_found", "no such file");
	}
	fd = open_inside(root, rel, &st, &real);
	if (fd < 0 && errno != EACCES && strchr(last, '.') == NULL) {
		/* A client route such as /problems/two-sum. */
		fd = open_inside(root, "index.html", &st, &real);
	}
	free(rel);
	if (fd < 0)
		return reply_error(rq, 404, "not_found", "no such file");

	snprintf(etag, sizeof(etag), "\"%llx-%llx\"",
	    (unsigned long long)st.st_size,
	    (unsigned long long)st.st_mtim.tv_sec * 1000000000ULL +
		(unsigned long long)st.st_mtim.tv_nsec);
	inm = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
	    "If-None-Match");
	if (inm != NULL && strcmp(inm, etag) == 0) {
		close(fd);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		rq->status = 304;
	} else {
		r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
		MHD_add_response_header(r, "Content-Type", content_type(real));
		rq->status = 200;
	}
	MHD_add_response_header(r, "ETag", etag);
	MHD_add_response_header(r, "Cache-Control",
	    hashed_asset(real) ? "public, max-age=31536000, immutable"
			       : "no-cache");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	free(real);
	return r;
}
