#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for reverse-integer."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

LO, HI = -2**31, 2**31 - 1
SAMPLES = [[4096], [-250], [1999999999]]


def cases(rng):
    xs = [
        0, 1, -1, 9, -9, 10, -10, 100, 120, -120, 1000000000, 321, -321,
        HI, LO,                         # both overflow when reversed
        1463847412, -1463847412,        # reverse to +-2147483641: fit
        1463847421,                     # 1247483641: fits
        1563847412, -1563847412,        # +-2147483651: overflow
        1534236469,                     # 9646324351: overflow
        1000000003, -1000000003,
        2147483641,                     # 1463847412: fits
        1147483648, -1147483648,        # 8463847411: overflow
        7463847412 // 10, -746384741,   # 9 digits: always fit
        -2147483412,                    # -2143847412: fits
    ]
    for _ in range(4):
        xs.append(rng.randint(LO, HI))
    for _ in range(3):
        xs.append(rng.randint(-10**6, 10**6))
    assert all(LO <= x <= HI for x in xs) and len(set(xs)) == len(xs)
    return [[x] for x in xs]


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1006)))
