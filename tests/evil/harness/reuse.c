/*
 * harness/reuse.c -- several boxes from ONE process, as `gavel serve` runs
 * them (gavel run makes one box per process, so it cannot show this).
 * Built by run.sh against the sandbox library next to $GAVEL when it is
 * there. Usage: reuse BINDIR. Runs /progs/netns_counter read, then write
 * 4242, then read again, each in a fresh sandbox_run(), three times over;
 * a read must never see what the write before it did. Exit 0 if none
 * does, 42 if one does, 1 on error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sandbox/sandbox.h"

static long
run(const char *bindir, const char *const *argv)
{
	struct sandbox_bind   b = { bindir, "/progs", false };
	struct sandbox_config cfg;
	struct sandbox_result res;
	int		      p[2];
	char		      out[64] = "";
	ssize_t		      n;

	memset(&cfg, 0, sizeof(cfg));
	if (pipe(p) < 0)
		return -1;
	cfg.argv = argv;
	cfg.binds = &b;
	cfg.nbinds = 1;
	cfg.stdin_fd = -1;
	cfg.stdout_fd = p[1];
	cfg.stderr_fd = 2;
	if (sandbox_run(&cfg, &res) < 0 || res.status != SANDBOX_OK) {
		fprintf(stderr, "reuse: %s: %s %s\n", argv[1],
		    sandbox_status_name(res.status), res.message);
		return -1;
	}
	close(p[1]);
	n = read(p[0], out, sizeof(out) - 1);
	close(p[0]);
	out[n > 0 ? n : 0] = '\0';
	return atol(out);
}

int
main(int argc, char **argv)
{
	const char *rd[] = { "/progs/netns_counter", "read", NULL };
	const char *wr[] = { "/progs/netns_counter", "write", "4242", NULL };
	long before, after;
	int round, leaked = 0;

	if (argc < 2)
		return 1;
	/* A few rounds: spare namespaces made ahead must be fresh too. */
	for (round = 0; round < 3; round++) {
		before = run(argv[1], rd);
		if (before < 0 || run(argv[1], wr) < 0 ||
		    (after = run(argv[1], rd)) < 0)
			return 1;
		printf("round %d: OutNoRoutes seen by a box: %ld before, %ld "
		       "after another box sent 4242 packets with no route\n",
		    round + 1, before, after);
		if (after - before >= 4242)
			leaked = 1;
	}
	return leaked ? 42 : 0;
}
