#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for merge-two-sorted-lists."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

SAMPLES = [[[2, 5, 9], [1, 5, 6]], [[], [-3]], [[], []]]


def srt(rng, n, lo=-100, hi=100):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def cases(rng):
    out = [
        [[1], []], [[], [1]], [[0], [0]], [[1], [2]], [[2], [1]],
        [[-100], [100]], [[100], [-100]], [[1, 2, 4], [1, 3, 4]],
        [[1, 1, 1], [1, 1]], [[1, 2, 3], [4, 5, 6]], [[4, 5, 6], [1, 2, 3]],
        [[-5, 0, 5], [-10, -5, 0, 5, 10, 20, 30]],
        [[-1], [-3, -2, 0, 1, 2]],
        [[5], [1, 2, 3, 4, 6, 7]],
        [list(range(-100, -50)), []],
        [[], list(range(51, 101))],
    ]
    for m, n in ((3, 7), (10, 10), (25, 5), (0, 50), (1, 49)):
        out.append([srt(rng, m), srt(rng, n)])
    out.append([srt(rng, 30, -3, 3), srt(rng, 30, -3, 3)])       # many equal values
    # upper bounds: 50 + 50 nodes
    out.append([srt(rng, 50), srt(rng, 50)])
    out.append([[-100] * 50, [100] * 50])
    out.append([[100] * 50, [-100] * 50])
    out.append([list(range(-100, 100, 4)), list(range(-98, 101, 4))])   # interleaved
    out.append([[7] * 50, [7] * 50])
    for a, b in out:
        assert len(a) <= 50 and len(b) <= 50 and a == sorted(a) and b == sorted(b)
        assert all(-100 <= v <= 100 for v in a + b)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1013)))
