"""Tests for best-time-to-buy-and-sell-stock. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(10308)
M = 10**4
N = 10**5


def arr(n, lo=0, hi=M):
    return [rng.randint(lo, hi) for _ in range(n)]


def walk(n, step, start):
    out, x = [], start
    for _ in range(n):
        x = min(M, max(0, x + rng.randint(-step, step)))
        out.append(x)
    return out


samples = [
    [[9, 4, 6, 2, 8, 5]],
    [[5, 4, 4, 1]],
    [[3, 10, 1, 7]],
]

cases = [
    [[0]],
    [[M]],
    [[1, 2]],
    [[2, 1]],
    [[5, 5, 5, 5]],
    [[0, M]],
    [[M, 0, M]],
    [[4, 9, 0, 3]],                 # the overall minimum comes too late
    [[2, 7, 1, 4, 0, 1]],
    [[1, 2, 3, 4, 5, 6]],
    [[3, 3, 5, 0, 0, 3, 1, 4]],
    [arr(10)],
    [arr(100)],
    [arr(1000, 0, 50)],
    [walk(5000, 30, 5000)],
    [list(range(M, -1, -1))],       # strictly falling: 0
    [sorted(arr(20000))],           # rising
    [arr(50000) + [0]],             # minimum last
    # upper bounds: 10^5 prices
    [arr(N)],
    [walk(N, 50, 5000)],
    [[M] * N],
    [[M - (i % (M + 1)) for i in range(N)]],     # saw tooth falling within each period
    [[0 if i % 2 else M for i in range(N)]],
    [[M] + sorted(arr(N - 2, 1, M - 1), reverse=True) + [0]],
    [arr(N // 2, 5000, M) + arr(N // 2, 0, 5000)],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
