"""Tests for reverse-linked-list. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(14712)
M = 5000


def arr(n, lo=-M, hi=M):
    return [rng.randint(lo, hi) for _ in range(n)]


samples = [
    [[4, 7, 1, 9]],
    [[3]],
    [[]],
]

cases = [
    [[]],
    [[0]],
    [[-M]],
    [[M]],
    [[1, 2]],
    [[2, 2]],
    [[1, 2, 3]],
    [[1, 2, 3, 2, 1]],
    [[-1, 0, 1, 0]],
    [[7] * 10],
    [arr(10)],
    [arr(50, -3, 3)],
    [arr(100)],
    [list(range(1, 501))],
    [arr(1000)],
    [arr(2000, 0, 1)],
    [list(range(M, -M - 1, -5))],
    [arr(4999)],
    # upper bounds: 5000 nodes
    [arr(M)],
    [list(range(-M, M, 2))],
    [[M] * M],
    [[(-M if i % 2 else M) for i in range(M)]],
    [sorted(arr(M))],
    [arr(M, -10, 10)],
    [list(range(M, 0, -1))],
]



if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
