/*
 * judge/validator.h -- the Kattis default output validator, as a pure
 * function.
 *
 * Compares the judge's answer with the program's output token by token,
 * under the flags of the Kattis problem format ("validator_flags" in
 * problem.yaml):
 *
 *   case_sensitive               tokens compare byte for byte; otherwise
 *                                ASCII letters compare case-insensitively
 *   space_change_sensitive       every run of whitespace must match the
 *                                answer's exactly (leading and trailing
 *                                runs included); otherwise the amount and
 *                                kind of whitespace is ignored
 *   float_absolute_tolerance E   see below
 *   float_relative_tolerance E
 *   float_tolerance E            both of the above set to E
 *
 * With a tolerance set, an answer token that is a finite float (the whole
 * token reads with sscanf("%lf"), as in the reference: decimal or hex,
 * optional sign and exponent, and glibc's leniency with a dangling
 * exponent such as "1e" or "2.5e+"; "inf", "nan" and overflowing values
 * such as "1e999" do not count) is compared numerically: the output token must be a finite float too, and
 * is accepted if |a - o| <= abs_tol or |a - o| <= rel_tol * |a|. Every
 * other answer token compares as a string. Whitespace is the C locale's:
 * space, \t, \n, \v, \f, \r. Output with more tokens than the answer is
 * rejected ("trailing output"), as is output with fewer. Numbers are read
 * in the process's LC_NUMERIC locale: leave it "C".
 *
 * One deliberate difference from the reference C++ program: tokens are
 * compared over their whole length, so a NUL byte inside a token counts
 * (the reference stops at it through strcmp).
 *
 * Pure functions: no I/O, no global state; validator_check() allocates
 * only a scratch buffer for float tokens and frees it before returning.
 * It runs in time linear in the input lengths. Tests:
 * tests/unit/judge/test_validator.c.
 */
#ifndef GAVEL_JUDGE_VALIDATOR_H
#define GAVEL_JUDGE_VALIDATOR_H

#include <stdbool.h>
#include <stddef.h>

/* Plain data: copy it freely. */
struct validator_flags {
	bool   case_sensitive;
	bool   space_change_sensitive;
	double float_abs_tol; /* < 0: not set */
	double float_rel_tol; /* < 0: not set */
};

/* Validator exit codes of the Kattis format, for callers that need them. */
#define VALIDATOR_EXIT_AC 42
#define VALIDATOR_EXIT_WA 43

/* Set *f to the defaults: case-insensitive, whitespace-insensitive, no
 * float tolerance. */
void validator_flags_default(struct validator_flags *f);

/*
 * Parse a flag string such as "float_tolerance 1e-6 case_sensitive"
 * (words separated by any whitespace; NULL or "" means the defaults) into
 * *out. Returns 0, or -1 with a reason in err (when errlen > 0) on an
 * unknown flag or a tolerance that is missing or not a finite float; *out
 * is then left at the defaults.
 */
int validator_parse_flags(const char *flags, struct validator_flags *out,
    char *err, size_t errlen);

/* The same for argv-style words (argv[0] is a flag, not a program name). */
int validator_parse_argv(int argc, char *const argv[],
    struct validator_flags *out, char *err, size_t errlen);

/*
 * Compare the program's output with the judge's answer. Both are byte
 * ranges that may hold NUL bytes and need not be NUL-terminated; NULL is
 * allowed with a length of 0. f NULL means the defaults.
 *
 * Returns 1 if accepted, 0 if rejected. On rejection a one-line reason
 * goes to msg (when msglen > 0), e.g. `line 3: expected "5", got "6"`:
 * the line is the output's (1-based), tokens are cut to a few dozen bytes
 * and escaped, and msg is always valid UTF-8 and NUL-terminated. On
 * acceptance msg is set to "". Never fails otherwise.
 */
int validator_check(const char *answer, size_t answer_len,
    const char *output, size_t output_len, const struct validator_flags *f,
    char *msg, size_t msglen);

#endif
