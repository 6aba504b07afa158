/*
 * cli/check.c -- `gavel check`: can this machine run sandboxes? Then runs
 * /bin/true in one as a self-test.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "sandbox/sandbox.h"

int
cmd_check(int argc, char **argv)
{
	struct sandbox_config cfg;
	struct sandbox_result res;
	static const char *const argv_true[] = { "/bin/true", NULL };
	char msg[512];

	(void)argc;
	(void)argv;
	if (sandbox_check(msg, sizeof(msg)) < 0) {
		fprintf(stderr, "gavel check: %s\n", msg);
		return 1;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.argv = argv_true;
	cfg.stdin_fd = cfg.stdout_fd = cfg.stderr_fd = -1;
	if (sandbox_run(&cfg, &res) < 0 || res.status != SANDBOX_OK) {
		fprintf(stderr, "gavel check: self-test failed: %s %s\n",
		    sandbox_status_name(res.status), res.message);
		return 1;
	}
	printf("sandbox OK: cgroup %s, self-test /bin/true in %u ms\n",
	    sandbox_cgroup_version(), res.wall_ms);
	return 0;
}
