"""Tests for maximum-subarray. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(5302)
M = 10**4


def arr(n, lo=-M, hi=M):
    return [rng.randint(lo, hi) for _ in range(n)]


samples = [
    [[3, -4, 5, -1, 2, -6, 1]],
    [[-7]],
    [[-3, -1, -2]],
]

cases = [
    [[0]],
    [[M]],
    [[-M]],
    [[-5, -5, -5, -5]],
    [[-M] * 10],
    [[1, 2, 3, 4, 5]],
    [[0, 0, 0, -1, 0]],
    [[-1, 0, -2]],
    [[5, -10, 5]],
    [[2, -1, 2, -1, 2]],
    [[-2, 1, -3, 4, -1, 2, 1, -5, 4]],
    [[8, -19, 5, -4, 20]],
    [[-1, -2, 3, -2, -1]],
    [arr(10)],
    [arr(100)],
    [arr(1000, -100, 50)],
    [arr(1000, -M, -1)],          # all negative
    [arr(5000, -3, 3)],
    [[rng.randint(-M, -1) if i % 2 else rng.randint(1, M) for i in range(5000)]],
    [arr(50000)],
    [arr(100000, -M, M // 100)],  # slightly negative drift
    # upper bounds
    [arr(100000)],
    [[M] * 100000],               # answer 10^9
    [[-M] * 99999 + [-M + 1]],
    [[rng.randint(-M, 0) for _ in range(100000)]],
    [[(M if i < 50000 else -M) for i in range(100000)]],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
