/*
 * judge/verdict.h -- turn a finished sandbox run into a verdict.
 *
 * Pure functions: no I/O, no allocation, no global state, so every case
 * is a one-line unit test (tests/unit/judge/test_verdict.c). The names of
 * verdicts (verdict_name()) are declared in judge.h.
 */
#ifndef GAVEL_JUDGE_VERDICT_H
#define GAVEL_JUDGE_VERDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "judge/judge.h"
#include "sandbox/sandbox.h"

/* Kattis output validator exit codes. */
#define VERDICT_CHECKER_ACCEPT 42
#define VERDICT_CHECKER_REJECT 43

/*
 * The verdict of a submission's run before its output is compared: AC
 * means "it ran to a clean exit" (the caller then compares), anything
 * else is final. memory_limit_kb (0: unknown) lets a run that died of a
 * failed allocation close to the limit count as MLE rather than RE.
 */
enum verdict verdict_classify_run(const struct sandbox_result *res,
    uint64_t memory_limit_kb);

/*
 * The outcome of a compile run: AC (compiled, artifact_ok says the
 * expected file was produced), CE (the compiler refused, ran out of time,
 * memory or output: all the submission's fault), or IE (the sandbox or
 * compiler could not run, or a clean exit left no artifact).
 */
enum verdict verdict_classify_compile(const struct sandbox_result *res,
    bool artifact_ok);

/*
 * The outcome of an output validator run (Kattis interface): exit 42 is
 * AC, 43 WA, everything else (crash, limits, other codes) is IE: the
 * checker is the jury's, so its failure is never the submission's.
 */
enum verdict verdict_classify_checker(const struct sandbox_result *res);

/*
 * A short human description of how a run ended ("exit code 3",
 * "signal 11 (SIGSEGV)", "CPU time limit", ...) into buf. Returns buf.
 */
char *verdict_describe(const struct sandbox_result *res, char *buf,
    size_t len);

/*
 * The overall verdict from per-test ones: the first that is not AC, or AC
 * (no tests: AC). *first gets its index or -1.
 */
enum verdict verdict_overall(const enum verdict *v, size_t n, int *first);

/* The verdict named "AC", "WA", ... (case-insensitive); -1 if none. */
int verdict_from_name(const char *name);

#endif
