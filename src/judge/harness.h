/*
 * judge/harness.h -- LeetCode-style function harnesses: what runs inside the
 * sandbox around the user's `class Solution`.
 *
 * The harness files (src/judge/harness/) are bound read-only into the box
 * at HARNESS_DIR_INSIDE:
 *   python3_driver.py  the Python 3 harness, run as
 *                      /usr/bin/python3 -I -S /gavel/python3_driver.py
 *                      /box/solution.py
 *   prelude.hpp, lc.hpp, gavel_pch.hpp
 *                      the C++ harness runtime; harness_cpp_source() writes
 *                      a translation unit that includes "gavel_pch.hpp"
 *                      first: compile it with g++ -std=gnu++20 -O2 and the
 *                      three headers beside it (or -I their directory);
 *                      with a precompiled header built with the same flags
 *                      (-x c++-header), add -include <dir>/gavel_pch.hpp.
 *                      Rebuild the .gch whenever the headers or g++ change.
 *
 * Protocol, the same for both languages:
 *   stdin   line 1 the signature (LeetCode metaData, one line), line 2 the
 *           number of tests N, then per test one line per parameter, one
 *           JSON value each (harness_stdin() builds it).  Design problems
 *           ("classname", "constructor", "methods"): two lines per test,
 *           the calls ["LRUCache","put",...] and their arguments
 *           [[2],[1,1],...]; the answer is the list of the calls' results,
 *           null for the constructor and for void methods.
 *   fd 3    "READY\n" once the user's code is loaded, then per test one line
 *           {"ok":<value>,"stdout":"..."} or {"error":"T: msg","stdout":...};
 *           stdout is what the user printed during that test (<= 64 KB).
 *           The CPU time between two records is that test's.
 *   exit    0 all records written; HARNESS_EXIT_COMPILE before READY: the
 *           source does not compile (Python SyntaxError); HARNESS_EXIT_LOAD
 *           before READY: the module body raised; HARNESS_EXIT_MISUSE: the
 *           judge's input was wrong (IE).  Fewer records than tests with
 *           any other ending: the user's code crashed the process (RE) on
 *           the first test without a record.
 */
#ifndef GAVEL_JUDGE_HARNESS_H
#define GAVEL_JUDGE_HARNESS_H

#include <stddef.h>

#include <jansson.h>

#define HARNESS_DIR_INSIDE   "/gavel"
#define HARNESS_PY_DRIVER    "python3_driver.py"
#define HARNESS_PCH_HEADER   "gavel_pch.hpp"
#define HARNESS_STDOUT_CAP   (64u * 1024u)

#define HARNESS_EXIT_LOAD    1
#define HARNESS_EXIT_COMPILE 2
#define HARNESS_EXIT_MISUSE  3

/*
 * Check that sig is a signature both harnesses support: a name that is a
 * C identifier, params with supported types, a supported return type (or
 * void), output.paramindex in range; or a design problem whose class,
 * constructor and methods pass the same checks. Returns 0, or -1 with
 * *err set (caller owns, free()).
 */
int harness_signature_check(const json_t *sig, char **err);

/*
 * The C++ type for a LeetCode type ("integer[]" -> "std::vector<int>"),
 * or NULL if unsupported. Caller owns the result (free()).
 */
char *harness_cpp_type(const char *lc_type);

/*
 * Write the C++ translation unit for source (source_len bytes, copied
 * verbatim after `#line 1 "solution.cpp"`) and sig: the include of
 * gavel_pch.hpp, the user's code, then a main that runs the tests as the
 * protocol says, with a fresh Solution (or design object) and fresh named
 * arguments per test.
 * Returns the text (NUL-terminated, *len bytes; caller owns, free()), or
 * NULL with *err set (caller owns, free()) if the signature is not
 * supported.
 */
char *harness_cpp_source(const json_t *sig, const char *source,
    size_t source_len, size_t *len, char **err);

/*
 * Build the harness's stdin from the signature and the tests' .in texts
 * (one JSON value per line, one line per parameter; blank lines and
 * surrounding spaces are ignored). Returns the text (*len bytes; caller
 * owns, free()), or NULL with *err set (caller owns) when a test does not
 * have one line per parameter.
 */
char *harness_stdin(const json_t *sig, const char *const *inputs,
    size_t ninputs, size_t *len, char **err);

#endif
