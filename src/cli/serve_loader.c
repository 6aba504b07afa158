/*
 * cli/serve_loader.c -- `gavel serve` and `gavel user`, loaded on demand.
 *
 * The server and its libraries (libmicrohttpd with GnuTLS and friends,
 * SQLite) live in a module, gavel-serve.so, loaded only by `gavel serve`:
 * linked into the binary, they cost every `gavel run` about 1.4 ms of CPU
 * in the dynamic loader before main() (measured with perf stat: an empty
 * program linked against them takes 2.5 ms against 1.1 ms), which is more
 * than a whole sandbox adds. The module is looked for in $GAVEL_SERVE_MODULE,
 * beside the binary (a build tree), then in the installed library directory.
 * `gavel user` (the store and libsodium) is the module's second entry point.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef GAVEL_MODULE_DIR
#define GAVEL_MODULE_DIR "/usr/local/lib/gavel"
#endif

typedef int (*module_main_fn)(int argc, char **argv);

static void *
try_open(const char *path, char *why, size_t whylen)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);

	if (h == NULL && access(path, F_OK) == 0)
		snprintf(why, whylen, "%s", dlerror());
	return h;
}

/* Load the module and run its entry point symbol as command cmd. */
static int
run_module(const char *cmd, const char *symbol, int argc, char **argv)
{
	char	       self[PATH_MAX], path[PATH_MAX + 32], why[512] = "";
	const char    *env = getenv("GAVEL_SERVE_MODULE");
	void	      *h = NULL;
	module_main_fn fn;
	ssize_t	       n;

	if (env != NULL && env[0] != '\0')
		h = try_open(env, why, sizeof(why));
	if (h == NULL &&
	    (n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		char *slash;

		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/gavel-serve.so", self);
			h = try_open(path, why, sizeof(why));
		}
	}
	if (h == NULL)
		h = try_open(GAVEL_MODULE_DIR "/gavel-serve.so", why,
		    sizeof(why));
	if (h == NULL) {
		fprintf(stderr,
		    "gavel %s: cannot load the server module gavel-serve.so "
		    "(looked beside the binary and in %s)%s%s\n",
		    cmd, GAVEL_MODULE_DIR, why[0] ? ": " : "", why);
		return 2;
	}
	fn = (module_main_fn)(uintptr_t)dlsym(h, symbol);
	if (fn == NULL) {
		fprintf(stderr, "gavel %s: %s\n", cmd, dlerror());
		return 2;
	}
	return fn(argc, argv);
}

int
cmd_serve(int argc, char **argv)
{
	return run_module("serve", "gavel_serve_main", argc, argv);
}

int
cmd_user(int argc, char **argv)
{
	return run_module("user", "gavel_user_main", argc, argv);
}
