/*
 * cli/run.c -- `gavel run`: the sandbox on its own (like `isolate --run`).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/run_opts.h"
#include "sandbox/sandbox.h"

static int
open_out(const char *path)
{
	/* The caller's own path (/dev/stdout included), opened before the box
	 * exists: nothing a program does can change where it leads. */
	return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

int
cmd_run(int argc, char **argv)
{
	struct run_opts	      o;
	struct sandbox_config cfg;
	struct sandbox_result res;
	char		      err[256];
	char		     *report;
	const char	     *env[RUN_MAX_ENV + 4];
	int		      in = -1, out = STDOUT_FILENO, errfd = STDERR_FILENO;
	int		      rc = 2;
	size_t		      n = 0, i;

	if (run_opts_parse(argc, argv, &o, err, sizeof(err)) < 0) {
		fprintf(stderr, "gavel run: %s\n\n%s", err, run_usage);
		return 2;
	}
	if (o.help) {
		fputs(run_usage, stdout);
		return 0;
	}
	if (o.stdin_path &&
	    (in = open(o.stdin_path, O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "gavel run: %s: %s\n", o.stdin_path,
		    strerror(errno));
		return 2;
	}
	if (o.stdout_path && (out = open_out(o.stdout_path)) < 0) {
		fprintf(stderr, "gavel run: %s: %s\n", o.stdout_path,
		    strerror(errno));
		goto done;
	}
	if (o.stderr_path && (errfd = open_out(o.stderr_path)) < 0) {
		fprintf(stderr, "gavel run: %s: %s\n", o.stderr_path,
		    strerror(errno));
		goto done;
	}

	memset(&cfg, 0, sizeof(cfg));
	cfg.argv = (const char *const *)o.argv;
	if (o.nenv > 0) {
		/* The defaults, overridden by --env of the same name. */
		static const char *const defaults[] = {
			"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/box",
			"LANG=C.UTF-8" };

		for (i = 0; i < 3; i++) {
			size_t k, len = strchr(defaults[i], '=') - defaults[i];
			int    overridden = 0;

			for (k = 0; k < o.nenv; k++)
				if (strncmp(o.env[k], defaults[i], len + 1) == 0)
					overridden = 1;
			if (!overridden)
				env[n++] = defaults[i];
		}
		for (i = 0; i < o.nenv; i++)
			env[n++] = o.env[i];
		env[n] = NULL;
		cfg.env = env;
	}
	cfg.cwd = o.cwd;
	cfg.binds = o.binds;
	cfg.nbinds = o.nbinds;
	cfg.limits = o.limits;
	cfg.stdin_fd = in;
	cfg.stdout_fd = out;
	cfg.stderr_fd = errfd;

	if (sandbox_run(&cfg, &res) < 0)
		fprintf(stderr, "gavel run: %s\n", res.message);
	else
		rc = 0;

	report = run_report_json(&res);
	if (o.report_path == NULL) {
		if (rc == 0)
			fprintf(stderr,
			    "gavel run: %s (exit %d, signal %d), cpu %u ms, "
			    "wall %u ms, memory %llu KB\n",
			    sandbox_status_name(res.status), res.exit_code,
			    res.signal, res.cpu_ms, res.wall_ms,
			    (unsigned long long)res.memory_kb);
	} else if (strcmp(o.report_path, "-") == 0) {
		fputs(report ? report : "{}\n", stdout);
	} else {
		int fd = open_out(o.report_path);

		if (fd < 0 || report == NULL ||
		    write(fd, report, strlen(report)) != (ssize_t)strlen(report)) {
			fprintf(stderr, "gavel run: writing %s: %s\n",
			    o.report_path, strerror(errno));
			rc = 2;
		}
		if (fd >= 0)
			close(fd);
	}
	free(report);
done:
	if (in >= 0)
		close(in);
	if (out != STDOUT_FILENO && out >= 0)
		close(out);
	if (errfd != STDERR_FILENO && errfd >= 0)
		close(errfd);
	return rc;
}
