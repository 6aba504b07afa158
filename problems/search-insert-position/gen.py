#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for search-insert-position."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

V = 10**4
N = 10**4
SAMPLES = [[[-4, 0, 3, 8], 3], [[-4, 0, 3, 8], 1], [[-4, 0, 3, 8], 20]]


def distinct(rng, n, lo=-V, hi=V):
    return sorted(rng.sample(range(lo, hi + 1), n))


def cases(rng):
    out = [
        [[0], 0], [[0], -1], [[0], 1], [[5], 5], [[-V], V], [[V], -V],
        [[1, 3], 2], [[1, 3], 0], [[1, 3], 4], [[1, 3], 3], [[1, 3], 1],
        [[1, 3, 5, 6], 5], [[1, 3, 5, 6], 2], [[1, 3, 5, 6], 7], [[1, 3, 5, 6], 0],
        [[-V, V], 0], [[-V, V], V], [[-V, 0, V], -V],
    ]
    a = distinct(rng, 100)
    out += [[a, a[37]], [a, a[-1] + 1], [a, rng.randint(-V, V)]]
    # upper bounds
    big = distinct(rng, N)
    out.append([big, big[rng.randrange(N)]])
    out.append([big, V if big[-1] < V else big[-1]])
    full = list(range(-V, V, 2))                        # 10^4 even values
    out.append([full, V - 1])
    out.append([full, -V])
    out.append([full, 1])
    out.append([list(range(-V, 0)), 0])                 # past the end
    out.append([list(range(1, N + 1)), -V])             # before the start
    for nums, t in out:
        assert 1 <= len(nums) <= N and nums == sorted(set(nums)) and -V <= t <= V, (nums[-3:], t)
        assert all(-V <= v <= V for v in nums)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1015)))
