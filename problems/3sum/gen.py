#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for 3sum."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

V = 10**5
N = 3000
SAMPLES = [[[2, -3, 1, 0, -1, 1]], [[4, 5, -2]], [[0, 0, 0, 0]]]


def arr(rng, n, lo=-V, hi=V):
    return [rng.randint(lo, hi) for _ in range(n)]


def cases(rng):
    out = [
        [[0, 0, 0]], [[1, 2, 3]], [[-1, 0, 1]], [[0, 1, 1]], [[-1, -1, 2]],
        [[-1, 0, 1, 2, -1, -4]], [[-2, 0, 1, 1, 2]], [[1, -1, -1, 0]],
        [[-4, -2, -2, -2, 0, 1, 2, 2, 2, 3, 3, 4, 4, 6, 6]],
        [[V, -V, 0]], [[V, V, -V, -V, 0, 0]], [[-V, 50000, 50000]],
        [[3, -1, -2, 3, -1, -2]], [[0, 0, 0, 1, -1, 0]],
        [[-5, -5, -5, 10, 10]], [[1, 1, 1, 1, 1]],
    ]
    for n in (10, 50, 200):
        out.append([arr(rng, n, -20, 20)])
    out.append([arr(rng, 1000, -1000, 1000)])
    out.append([arr(rng, 1000)])
    # upper bounds
    out.append([[0] * N])
    out.append([arr(rng, N)])
    out.append([arr(rng, N, 1, V)])                         # all positive: none
    out.append([arr(rng, N, -150, 150)])                    # heavy duplicates
    big = rng.sample(range(-V, V + 1), N)                   # distinct values
    out.append([big])
    out.append([[-V] * 1000 + [V // 2] * 1000 + [0] * 1000])
    for (nums,) in out:
        assert 3 <= len(nums) <= N and all(-V <= v <= V for v in nums)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1011)))
