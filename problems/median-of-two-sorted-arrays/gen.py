#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for median-of-two-sorted-arrays."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

V = 10**6
SAMPLES = [[[1, 4, 9], [2]], [[-5, 0], [3, 8, 11]], [[], [7, 8]]]


def arr(rng, n, lo=-V, hi=V):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def cases(rng):
    out = [
        [[1], []], [[], [-3]], [[0], [0]], [[1], [2]], [[2], [1]],
        [[1, 2], [3, 4]], [[1, 3], [2]], [[-1, 0], [-2]], [[-2, -1], []],
        [[V], [-V]], [[-V, -V + 1], [-V]], [[V, V], [V, V]],
        [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]],          # disjoint ranges
        [[6, 7, 8, 9, 10], [1, 2, 3, 4, 5]],
        [[1, 1, 1, 1], [1, 1, 1, 2]],
        [[-7, -3], [-6, -4, -4]],
        [[1, 3, 5, 7, 9], [2, 4, 6, 8]],
        [[], [-V, -V, 3, V]],
    ]
    for m, n in ((1, 9), (10, 0), (7, 8), (100, 3), (250, 251), (500, 2)):
        out.append([arr(rng, m), arr(rng, n)])
    out.append([arr(rng, 300, -5, 5), arr(rng, 301, -5, 5)])     # many duplicates
    # upper bounds
    out.append([arr(rng, 1000), arr(rng, 1000)])
    out.append([arr(rng, 1000, -V, 0), arr(rng, 999, 1, V)])
    out.append([[], arr(rng, 1000)])
    out.append([arr(rng, 1000, -V, -V + 3), arr(rng, 1000, V - 3, V)])
    for a, b in out:
        assert len(a) <= 1000 and len(b) <= 1000 and 1 <= len(a) + len(b)
        assert a == sorted(a) and b == sorted(b) and all(-V <= x <= V for x in a + b)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1004)))
