"""Tests for merge-intervals. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(5603)
M = 10**4


def rand_intervals(n, maxlen, lo=0, hi=M):
    out = []
    for _ in range(n):
        a = rng.randint(lo, hi)
        b = min(hi, a + rng.randint(0, maxlen))
        out.append([a, b])
    return out


def shuffled(xs):
    xs = list(xs)
    rng.shuffle(xs)
    return xs


samples = [
    [[[8, 10], [1, 4], [2, 5], [12, 12]]],
    [[[1, 3], [3, 5]]],
    [[[2, 9], [3, 4], [5, 6]]],
]

cases = [
    [[[0, 0]]],
    [[[M, M]]],
    [[[0, M]]],
    [[[1, 2], [3, 4]]],                  # adjacent numbers, but no shared point
    [[[3, 4], [1, 2]]],
    [[[5, 5], [5, 5], [5, 5]]],          # duplicates
    [[[1, 4], [0, 4]]],
    [[[1, 4], [2, 3]]],                  # contained
    [[[1, 10], [2, 3], [4, 5], [11, 12]]],
    [[[4, 7], [1, 4]]],                  # touching, given out of order
    [[[0, 0], [0, 5], [5, 5], [6, 6]]],
    [[[2, 3], [4, 5], [6, 7], [8, 9], [1, 10]]],
    [shuffled([[i, i + 1] for i in range(0, 100, 2)])],   # one chain
    [shuffled([[i, i] for i in range(0, 200, 3)])],
    [rand_intervals(50, 20, 0, 300)],
    [rand_intervals(500, 5)],
    [rand_intervals(1000, 50)],
    [[[rng.randint(0, 5000), rng.randint(5000, M)] for _ in range(2000)]],   # all overlap 5000
    [rand_intervals(3000, 3)],
    [shuffled([[i, M - i] for i in range(5000)])],        # nested
    [shuffled([[i, i] for i in range(M)] )],              # 10^4 disjoint points
    # upper bounds: 10^4 intervals
    [rand_intervals(M, 2)],
    [rand_intervals(M, 200)],
    [shuffled([[i, i + 1] for i in range(M)])],           # merges into [0, 10^4]
    [[[0, M]] * M],
    [shuffled([[2 * i, 2 * i] for i in range(5000)] + [[2 * i + 1, 2 * i + 1] for i in range(5000)])],
    [shuffled([[a, a + rng.randint(0, 9)] for a in range(0, M - 10, 10)] * 10)],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
