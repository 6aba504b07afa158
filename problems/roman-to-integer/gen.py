#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for roman-to-integer."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

SAMPLES = [["XXVII"], ["CDXLIV"], ["MMXCIX"]]
TABLE = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n):
    out = []
    for v, sym in TABLE:
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def cases(rng):
    ns = [1, 2, 3, 4, 5, 9, 10, 14, 40, 49, 90, 99, 400, 444, 500, 900, 944, 1000,
          1994, 3999, 3888, 1666, 2421, 58, 3000]
    for _ in range(5):
        ns.append(rng.randint(1, 3999))
    ns = list(dict.fromkeys(ns))
    out = [[roman(n)] for n in ns]
    for (s,) in out:
        assert 1 <= len(s) <= 15
    assert max(len(s) for (s,) in out) == 15        # MMMDCCCLXXXVIII
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1009)))
