#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for longest-substring-without-repeating-characters."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

PRINTABLE = "".join(chr(c) for c in range(32, 127))   # letters, digits, symbols, space
MAXN = 5 * 10**4
SAMPLES = [["xyzxyzz"], ["aaaa"], ["dvdf"]]


def rand(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def cases(rng):
    out = [
        [""], [" "], ["a"], ["ab"], ["aa"], ["abba"], ["tmmzuxt"], ["pwwkew"],
        ["abcabcbb"], ["  "], ["a b c"], ["!@#$%^&*()"], ["0123456789"],
        [string.ascii_letters], ["aAbBaA"], ["abcdefggfedcba"], ["\"\\\"'"],
        [PRINTABLE],
    ]
    for n, alpha in ((20, "abc"), (100, string.ascii_lowercase), (1000, string.digits),
                     (3000, PRINTABLE)):
        out.append([rand(rng, n, alpha)])
    # upper bounds
    out.append([rand(rng, MAXN, PRINTABLE)])
    out.append(["z" * MAXN])
    perm = list(PRINTABLE)
    rng.shuffle(perm)
    out.append([("".join(perm) * (MAXN // len(perm) + 1))[:MAXN]])      # answer 95
    # long distinct run in the middle of noise, and returning chars ("abba" style)
    mid = list(PRINTABLE)
    rng.shuffle(mid)
    out.append([rand(rng, 20000, "ab") + "".join(mid) + rand(rng, MAXN - 20000 - 95, "ab")])
    out.append([("abcdefghijklmnopqrstuvwxyz" + "zyxwvutsrqponmlkjihgfedcba") * (MAXN // 52)])
    for (s,) in out:
        assert len(s) <= MAXN and all(c in PRINTABLE for c in s)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1003)))
