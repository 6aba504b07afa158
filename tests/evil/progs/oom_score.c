/* oom_score: the box must not inherit its caller's OOM protection. run.sh
 * starts gavel with oom_score_adj -1000 (as a judge daemon protecting
 * itself would run) when the host allows it. A box at -1000 cannot be
 * chosen by the OOM killer, not even its cgroup's: a memory bomb then
 * stalls instead of ending as memory_limit (see malloc_bomb@oomadj).
 * Lowering it from inside must fail too. Expected: ok. */
#include "evil.h"

int
main(void)
{
	char buf[32];

	if (evil_slurp("/proc/self/oom_score_adj", buf, sizeof buf) < 0) {
		NOTE("cannot read oom_score_adj: %s", strerror(errno));
		return evil_done();
	}
	NOTE("oom_score_adj %d", atoi(buf));
	if (atoi(buf) < 0)
		BREACH("oom_score_adj is %d: the caller's OOM protection reached the box",
		    atoi(buf));
	int fd = atoi(buf) > -1000 ? open("/proc/self/oom_score_adj", O_WRONLY) : -1;
	if (fd >= 0) {
		MUST_FAIL("write -1000 to oom_score_adj", write(fd, "-1000", 5));
		close(fd);
	}
	return evil_done();
}
