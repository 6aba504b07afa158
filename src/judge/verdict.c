/*
 * judge/verdict.c -- names of verdicts and the pure classification of
 * sandbox results; see verdict.h and judge.h.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "judge/verdict.h"

const char *
verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_AC:
		return "AC";
	case VERDICT_WA:
		return "WA";
	case VERDICT_TLE:
		return "TLE";
	case VERDICT_MLE:
		return "MLE";
	case VERDICT_RE:
		return "RE";
	case VERDICT_CE:
		return "CE";
	case VERDICT_OLE:
		return "OLE";
	case VERDICT_IE:
		return "IE";
	}
	return "IE";
}

int
verdict_from_name(const char *name)
{
	int v;

	if (name == NULL)
		return -1;
	for (v = VERDICT_AC; v <= VERDICT_IE; v++)
		if (strcasecmp(name, verdict_name((enum verdict)v)) == 0)
			return v;
	return -1;
}

enum verdict
verdict_classify_run(const struct sandbox_result *res,
    uint64_t memory_limit_kb)
{
	switch (res->status) {
	case SANDBOX_OK:
		return VERDICT_AC;
	case SANDBOX_TIME_LIMIT:
	case SANDBOX_WALL_LIMIT:
		return VERDICT_TLE;
	case SANDBOX_MEMORY_LIMIT:
		return VERDICT_MLE;
	case SANDBOX_OUTPUT_LIMIT:
		return VERDICT_OLE;
	case SANDBOX_ERROR:
		return VERDICT_IE;
	case SANDBOX_SIGNALED:
		/* RLIMIT_CPU and RLIMIT_FSIZE, should the kernel's own
		 * limits fire before the sandbox's accounting does. */
		if (res->signal == SIGXCPU)
			return VERDICT_TLE;
		if (res->signal == SIGXFSZ)
			return VERDICT_OLE;
		break;
	case SANDBOX_EXITED:
		break;
	}
	/*
	 * A crash with the peak within 5% of the limit is almost surely a
	 * failed allocation (std::bad_alloc, MemoryError) rather than a bug:
	 * call it what it is.
	 */
	if (memory_limit_kb > 0 &&
	    res->memory_kb >= memory_limit_kb - memory_limit_kb / 20)
		return VERDICT_MLE;
	return VERDICT_RE;
}

enum verdict
verdict_classify_compile(const struct sandbox_result *res, bool artifact_ok)
{
	switch (res->status) {
	case SANDBOX_OK:
		return artifact_ok ? VERDICT_AC : VERDICT_IE;
	case SANDBOX_EXITED:
	case SANDBOX_TIME_LIMIT:
	case SANDBOX_WALL_LIMIT:
	case SANDBOX_MEMORY_LIMIT:
	case SANDBOX_OUTPUT_LIMIT:
		return VERDICT_CE;
	case SANDBOX_SIGNALED:
		/*
		 * cc1plus killed by a signal is an internal compiler error
		 * or a limit (SIGXCPU, SIGXFSZ, SIGKILL): what the source
		 * made the compiler do, so CE with the output shown.
		 */
		return VERDICT_CE;
	case SANDBOX_ERROR:
		return VERDICT_IE;
	}
	return VERDICT_IE;
}

enum verdict
verdict_classify_checker(const struct sandbox_result *res)
{
	if (res->status != SANDBOX_EXITED)
		return VERDICT_IE;
	if (res->exit_code == VERDICT_CHECKER_ACCEPT)
		return VERDICT_AC;
	if (res->exit_code == VERDICT_CHECKER_REJECT)
		return VERDICT_WA;
	return VERDICT_IE;
}

char *
verdict_describe(const struct sandbox_result *res, char *buf, size_t len)
{
	const char *sig;

	switch (res->status) {
	case SANDBOX_OK:
		snprintf(buf, len, "exit code 0");
		break;
	case SANDBOX_EXITED:
		snprintf(buf, len, "exit code %d", res->exit_code);
		break;
	case SANDBOX_SIGNALED:
		sig = sigabbrev_np(res->signal);
		if (sig != NULL)
			snprintf(buf, len, "signal %d (SIG%s)", res->signal,
			    sig);
		else
			snprintf(buf, len, "signal %d", res->signal);
		break;
	case SANDBOX_TIME_LIMIT:
		snprintf(buf, len, "CPU time limit (%u ms used)", res->cpu_ms);
		break;
	case SANDBOX_WALL_LIMIT:
		snprintf(buf, len, "wall-clock limit (%u ms)", res->wall_ms);
		break;
	case SANDBOX_MEMORY_LIMIT:
		snprintf(buf, len, "memory limit (%llu KB peak)",
		    (unsigned long long)res->memory_kb);
		break;
	case SANDBOX_OUTPUT_LIMIT:
		snprintf(buf, len, "output limit");
		break;
	case SANDBOX_ERROR:
		snprintf(buf, len, "sandbox error: %s", res->message);
		break;
	}
	return buf;
}

enum verdict
verdict_overall(const enum verdict *v, size_t n, int *first)
{
	size_t i;

	*first = -1;
	for (i = 0; i < n; i++) {
		if (v[i] != VERDICT_AC) {
			*first = (int)i;
			return v[i];
		}
	}
	return VERDICT_AC;
}
