#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for palindrome-number."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

LO, HI = -2**31, 2**31 - 1
SAMPLES = [[12321], [-44], [120]]


def rand_pal(rng, digits):
    half = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range((digits - 1) // 2))
    return int(half + half[::-1][digits % 2:])


def cases(rng):
    xs = [
        0, 1, 9, -1, 10, 11, 100, 101, 121, -121, 1001, 1000021, 123321, 1234321,
        HI, LO, 2147447412,             # largest palindrome that fits
        1234554321, 1000000001, 1000110001, 1000000000, -2147447412, 21120, 12, 88888,
    ]
    for d in (2, 5, 8, 9):
        xs.append(rand_pal(rng, d))
    for _ in range(3):
        xs.append(rng.randint(0, HI))
    xs = list(dict.fromkeys(xs))        # drop repeats, keep order
    assert all(LO <= x <= HI for x in xs) and len(xs) >= 25
    return [[x] for x in xs]


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1007)))
