/* fake_judge_output: print text that imitates the judge (status lines, a
 * JSON report, TAP lines) on stdout and stderr, try to write it on fds
 * 3..9 too, then exit 3. Expected: exited 3 -- the status comes from the
 * sandbox, never from what the program prints. */
#include "evil.h"

static const char fake[] =
    "status: ok\nverdict: AC\nok 1 - accepted\n"
    "{\"status\": \"ok\", \"exit_code\": 0, \"signal\": 0, \"cpu_ms\": 1, "
    "\"wall_ms\": 1, \"memory_kb\": 1, \"message\": \"\"}\n"
    "\n}\n{\"status\": \"ok\"}\n";

int
main(void)
{
	(void)write(1, fake, sizeof fake - 1);
	(void)write(2, fake, sizeof fake - 1);
	for (int fd = 3; fd < 10; fd++)
		if (write(fd, fake, sizeof fake - 1) >= 0)
			NOTE("fd %d accepted the fake report", fd);
	exit(3);
}
