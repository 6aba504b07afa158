#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for longest-palindromic-substring."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

ALPHA = string.ascii_letters + string.digits
SAMPLES = [["xabacdy"], ["abccbx"], ["pq"]]


def rand(rng, n, alphabet=ALPHA):
    return "".join(rng.choice(alphabet) for _ in range(n))


def pal(rng, n, alphabet=ALPHA):
    half = rand(rng, n // 2, alphabet)
    mid = rand(rng, n % 2, alphabet)
    return half + mid + half[::-1]


def embed(rng, total, p, alphabet=ALPHA):
    k = total - len(p)
    a = rng.randint(0, k)
    return rand(rng, a, alphabet) + p + rand(rng, k - a, alphabet)


def cases(rng):
    out = [
        ["a"], ["Z"], ["7"], ["aa"], ["ab"], ["aA"], ["aba"], ["abba"], ["abcd"],
        ["cbbd"], ["racecar"], ["xyzracecarabc"], ["abacdfgdcaba"], ["aaaabaaa"],
        ["0110"], ["Aa1aA"], ["abcdcbax"],
    ]
    out.append([rand(rng, 50, "ab")])
    out.append([embed(rng, 200, pal(rng, 40))])                  # even-length winner
    out.append([embed(rng, 500, pal(rng, 101), "xyz")])
    # upper bounds
    out.append(["a" * 1000])
    out.append([pal(rng, 1000)])                                  # whole string, even
    out.append([embed(rng, 1000, pal(rng, 998))])
    out.append([rand(rng, 1000)])
    out.append([rand(rng, 1000, "ab")])
    out.append([("ab" * 500)])
    out.append([embed(rng, 1000, pal(rng, 300, "01"), "01")])
    for (s,) in out:
        assert 1 <= len(s) <= 1000 and all(c in ALPHA for c in s)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1005)))
