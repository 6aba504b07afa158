/*
 * judge/paths.c -- where the judge finds its data files and cache; see
 * paths.h. GAVEL_SOURCE_ROOT and GAVEL_DATADIR are set by meson.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/paths.h"
#include "util/xalloc.h"

#ifndef GAVEL_SOURCE_ROOT
#define GAVEL_SOURCE_ROOT ""
#endif
#ifndef GAVEL_DATADIR
#define GAVEL_DATADIR "/usr/share/gavel"
#endif

/* Whether path names an existing file or directory. */
static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/*
 * Where `name` lives in the source tree: languages.json is under etc/,
 * harness files under src/judge/. Caller owns the result.
 */
static char *
source_tree_path(const char *root, const char *name)
{
	if (strcmp(name, "languages.json") == 0)
		return xasprintf("%s/etc/%s", root, name);
	if (strncmp(name, "harness/", 8) == 0)
		return xasprintf("%s/src/judge/%s", root, name);
	return xasprintf("%s/etc/%s", root, name);
}

char *
judge_data_file(const char *name)
{
	const char *env = getenv("GAVEL_DATA_DIR");
	char	    exe[PATH_MAX];
	char	   *p;
	ssize_t	    n;

	if (env != NULL && env[0] != '\0') {
		/* Either layout: a source tree or an installed data dir. */
		p = xasprintf("%s/%s", env, name);
		if (exists(p))
			return p;
		free(p);
		p = source_tree_path(env, name);
		if (exists(p))
			return p;
		free(p);
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			p = xasprintf("%s/../share/gavel/%s", exe, name);
			if (exists(p))
				return p;
			free(p);
		}
	}
	if (GAVEL_SOURCE_ROOT[0] != '\0') {
		p = source_tree_path(GAVEL_SOURCE_ROOT, name);
		if (exists(p))
			return p;
		free(p);
	}
	p = xasprintf("%s/%s", GAVEL_DATADIR, name);
	if (exists(p))
		return p;
	free(p);
	return NULL;
}

const char *
judge_cache_dir(void)
{
	const char *env = getenv("GAVEL_CACHE_DIR");

	if (env != NULL && env[0] != '\0')
		return env;
	return "/var/cache/gavel";
}

char *
judge_problems_dir(void)
{
	const char *env = getenv("GAVEL_PROBLEMS");
	char	   *p;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if (GAVEL_SOURCE_ROOT[0] != '\0') {
		p = xasprintf("%s/problems", GAVEL_SOURCE_ROOT);
		if (exists(p))
			return p;
		free(p);
	}
	return xasprintf("%s/problems", GAVEL_DATADIR);
}
