"""Tests for longest-increasing-subsequence. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(16914)
M = 10**4
N = 2500


def arr(n, lo=-M, hi=M):
    return [rng.randint(lo, hi) for _ in range(n)]


samples = [
    [[4, 1, 5, 2, 6, 3, 7]],
    [[2, 2, 2]],
    [[9, 8, 1, 2, 0, 3]],
]

cases = [
    [[0]],
    [[-M]],
    [[1, 2]],
    [[2, 1]],
    [[1, 1]],
    [[1, 2, 2, 3]],
    [[3, 1, 2]],
    [[10, 9, 2, 5, 3, 7, 101, 18]],
    [[0, 8, 4, 12, 2, 10, 6, 14, 1, 9]],
    [[5, 5, 6, 6, 7, 7, 1]],
    [arr(10)],
    [arr(100, 0, 10)],
    [arr(500)],
    [sorted(arr(1000, -50, 50))],             # non-decreasing with many ties
    [[i // 3 for i in range(1500)]],
    [arr(2000, -5, 5)],
    [[(i % 50) * 100 + i // 50 for i in range(2500)]],
    # upper bounds: 2500 numbers
    [arr(N)],
    [list(range(-M, -M + N))],                # strictly increasing: 2500
    [list(range(M, M - N, -1))],              # strictly decreasing: 1
    [[7] * N],
    [sorted(arr(N))],
    [[(-M + i) if i % 2 == 0 else (M - i) for i in range(N)]],
    [sorted(arr(N, -100, 100))],
    [[rng.randint(i * 7 - M, i * 7 - M + 200) for i in range(N)]],   # noisy rise
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
