/* persist_check: run right after persist_plant; none of what it planted
 * may be there. Expected: ok. */
#include "evil.h"
#include <mqueue.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define KEY 0x6776656cL

int
main(void)
{
	static const char *files[] = { "/box/.persist", "/tmp/.persist",
		"/dev/shm/.persist" };
	for (size_t i = 0; i < 3; i++)
		if (access(files[i], F_OK) == 0)
			BREACH("%s survived from the previous run", files[i]);
	if (shmget(KEY, 0, 0) >= 0)
		BREACH("SysV shm segment survived");
	if (msgget(KEY, 0) >= 0)
		BREACH("SysV message queue survived");
	if (semget(KEY, 0, 0) >= 0)
		BREACH("SysV semaphore set survived");
	if (mq_open("/gavel-evil", O_RDONLY) >= 0)
		BREACH("POSIX message queue survived");
	return evil_done();
}
