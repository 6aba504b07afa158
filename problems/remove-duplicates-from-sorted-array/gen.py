#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for remove-duplicates-from-sorted-array.
The .ans is the judged value: the first k elements of nums after the call."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

N = 3 * 10**4
SAMPLES = [[[3, 3, 7]], [[-2, -2, -1, 0, 0, 0, 4, 4, 9]], [[8]]]


def srt(rng, n, lo=-100, hi=100):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def cases(rng):
    out = [
        [[0]], [[-100]], [[100]], [[1, 1]], [[1, 2]], [[-100, 100]],
        [[1, 1, 2]], [[0, 0, 1, 1, 1, 2, 2, 3, 3, 4]], [[5, 5, 5, 5, 5]],
        [[-3, -2, -1]], [[-1, 0, 0, 0, 0]], [[-5, -5, -5, -5, 7]],
        [list(range(-100, 101))],                       # all distinct
        [[-100] * 10 + [100] * 10],
    ]
    for n, lo, hi in ((10, -3, 3), (100, -100, 100), (1000, -10, 10), (5000, -100, 100),
                      (200, 50, 60)):
        out.append([srt(rng, n, lo, hi)])
    # upper bounds
    out.append([srt(rng, N)])
    out.append([[42] * N])
    out.append([sorted(list(range(-100, 101)) * (N // 201))[:N]])
    out.append([[-100] + [0] * (N - 2) + [100]])
    out.append([srt(rng, N, -100, -99)])
    rest = srt(rng, N - 200, -100, 99)
    out.append([sorted(rest + [100] * 200)])
    out.append([sorted(rng.sample(range(-100, 101), 150))])
    for (nums,) in out:
        assert 1 <= len(nums) <= N and nums == sorted(nums) and all(-100 <= v <= 100 for v in nums)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1014)))
