#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for container-with-most-water."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

H = 10**4
N = 10**5
SAMPLES = [[[2, 7, 3, 9, 4, 8, 1]], [[5, 5]], [[0, 3, 0]]]


def arr(rng, n, lo=0, hi=H):
    return [rng.randint(lo, hi) for _ in range(n)]


def cases(rng):
    out = [
        [[0, 0]], [[1, 1]], [[H, H]], [[0, H]], [[3, 1, 2]], [[1, 2, 1]],
        [[1, 8, 6, 2, 5, 4, 8, 3, 7]], [[4, 3, 2, 1, 4]], [[1, 2, 4, 3]],
        [[2, 3, 4, 5, 18, 17, 6]],
        [[1, 3, 2, 5, 25, 24, 5]],
        [list(range(1, 11))], [list(range(10, 0, -1))],
        [[0] * 50], [[H] + [0] * 98 + [1]],
        [[1, H, H, 1]],
    ]
    for n in (5, 20, 100, 1000, 5000):
        out.append([arr(rng, n)])
    # a tall pair hidden in the middle of low noise
    a = arr(rng, 20000, 0, 100)
    a[7000], a[15000] = H, H - 1
    out.append([a])
    # upper bounds
    out.append([arr(rng, N)])
    out.append([[H] * N])                                   # 10^4 * (10^5 - 1)
    out.append([[i % (H + 1) for i in range(N)]])           # saw teeth
    m = N // 2
    out.append([[min(H, i // 5) for i in range(m)] + [min(H, (N - 1 - i) // 5) for i in range(m, N)]])
    for (h,) in out:
        assert 2 <= len(h) <= N and all(0 <= v <= H for v in h)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1008)))
