#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for trapping-rain-water."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

H = 10**5
N = 2 * 10**4
SAMPLES = [[[3, 0, 1, 0, 2]], [[1, 2, 3, 2, 1]], [[5, 1, 1, 6, 0, 2]]]


def arr(rng, n, lo=0, hi=H):
    return [rng.randint(lo, hi) for _ in range(n)]


def cases(rng):
    out = [
        [[0]], [[7]], [[H]], [[0, 0]], [[4, 4]], [[2, 0, 2]], [[0, 2, 0]],
        [[0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]], [[4, 2, 0, 3, 2, 5]],
        [[5, 4, 3, 2, 1]], [[1, 2, 3, 4, 5]], [[5, 0, 0, 0, 5]],
        [[2, 1, 0, 1, 3]], [[3, 0, 2, 0, 4]], [[0, 0, 0, 0]], [[H, 0, H]],
        [[1, 0, 2, 0, 1, 0, 2, 0, 1]],
    ]
    for n, hi in ((10, 5), (100, 50), (1000, H), (5000, 10)):
        out.append([arr(rng, n, 0, hi)])
    # upper bounds
    out.append([[H] + [0] * (N - 2) + [H]])                 # 10^5 * (2*10^4 - 2) units
    out.append([arr(rng, N)])
    out.append([[min(i, N - 1 - i) * 10 for i in range(N)]])        # one mountain: 0
    out.append([[abs(N // 2 - i) * 10 for i in range(N)]])           # one valley
    out.append([[H if i % 100 == 0 else rng.randint(0, H // 2) for i in range(N)]])
    out.append([sorted(arr(rng, N))])                               # increasing: 0
    out.append([arr(rng, N, 0, 3)])
    for (h,) in out:
        assert 1 <= len(h) <= N and all(0 <= v <= H for v in h)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1016)))
