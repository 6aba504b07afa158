/*
 * tests/integration/harness/harness_gen.c -- a command-line front to
 * judge/harness.c for the integration test (run.py):
 *
 *   harness_gen cpp SIGNATURE.json SOLUTION.cpp   the C++ translation unit
 *   harness_gen stdin SIGNATURE.json TEST.in...   the harnesses' stdin
 *
 * Output goes to stdout; an unsupported signature or a malformed test is
 * reported on stderr with exit 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "judge/harness.h"

/* The whole of path, NUL-terminated; *len bytes. Exits on failure. */
static char *
slurp(const char *path, size_t *len)
{
	FILE  *f = fopen(path, "rb");
	char  *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	do {
		if (cap - n < 4096) {
			cap = cap * 2 + 8192;
			buf = realloc(buf, cap);
			if (buf == NULL)
				exit(2);
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	json_error_t jerr;
	json_t	    *sig;
	char	    *out, *err = NULL;
	size_t	     len;

	if (argc < 3 || (strcmp(argv[1], "cpp") != 0 &&
			 strcmp(argv[1], "stdin") != 0)) {
		fprintf(stderr, "usage: harness_gen cpp|stdin SIG FILE...\n");
		return 2;
	}
	sig = json_load_file(argv[2], 0, &jerr);
	if (sig == NULL) {
		fprintf(stderr, "%s: %s\n", argv[2], jerr.text);
		return 2;
	}
	if (strcmp(argv[1], "cpp") == 0) {
		char *src;

		if (argc != 4) {
			fprintf(stderr, "usage: harness_gen cpp SIG SRC\n");
			return 2;
		}
		src = slurp(argv[3], &len);
		out = harness_cpp_source(sig, src, len, &len, &err);
		free(src);
	} else {
		int    n = argc - 3;
		char **ins = calloc((size_t)n + 1, sizeof(*ins));
		size_t l;

		for (int i = 0; i < n; i++)
			ins[i] = slurp(argv[3 + i], &l);
		out = harness_stdin(sig, (const char *const *)ins, (size_t)n,
				    &len, &err);
		for (int i = 0; i < n; i++)
			free(ins[i]);
		free(ins);
	}
	json_decref(sig);
	if (out == NULL) {
		fprintf(stderr, "harness_gen: %s\n", err);
		free(err);
		return 1;
	}
	fwrite(out, 1, len, stdout);
	free(out);
	return 0;
}
