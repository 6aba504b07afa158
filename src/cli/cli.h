/*
 * cli/cli.h -- the subcommands of the `gavel` binary. Each takes argc/argv
 * with argv[0] the subcommand's name, and returns the process exit code.
 */
#ifndef GAVEL_CLI_CLI_H
#define GAVEL_CLI_CLI_H

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* loads the gavel-serve module */
int cmd_user(int argc, char **argv);  /* so does this one */

/* The entry points inside the gavel-serve module (cli/serve.c, cli/user.c). */
int gavel_serve_main(int argc, char **argv);
int gavel_user_main(int argc, char **argv);
int cmd_judge(int argc, char **argv);

#endif
