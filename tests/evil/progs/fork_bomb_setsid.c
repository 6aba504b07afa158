/* fork_bomb_setsid: fork bomb whose children each setsid() and become
 * their own session/process group leader, to dodge a kill by process group.
 * Expected: time_limit; nothing survives. */
#include "evil.h"

int
main(void)
{
	for (;;) {
		pid_t p = fork();
		if (p == 0)
			(void)setsid();
	}
}
