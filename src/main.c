/*
 * main.c -- the one `gavel` command and its subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct subcommand subcommands[] = {
	{ "run", cmd_run, "run a program in a fresh sandbox" },
	{ "check", cmd_check, "check that this machine can run sandboxes" },
	{ "serve", cmd_serve, "serve the API, the web UI and judging" },
	{ "judge", cmd_judge, "judge a source file on a problem" },
	{ "user", cmd_user, "add, list, disable accounts; set passwords" },
};

static void
usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: gavel COMMAND [ARGS...]\n\ncommands:\n");
	for (i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		fprintf(out, "  %-8s %s\n", subcommands[i].name,
		    subcommands[i].help);
	fprintf(out, "\n'gavel COMMAND --help' describes each one.\n");
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "gavel: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
