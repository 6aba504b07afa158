#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for two-sum; answers from solutions/ref.py."""
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

LO, HI = -10**9, 10**9
SAMPLES = [[[3, 8, -2, 5], 6], [[4, 1, 4], 8], [[10, -7], 3]]


def pairs(nums, target):
    """Number of index pairs i < j with nums[i] + nums[j] == target."""
    c = Counter(nums)
    total = 0
    for v, k in c.items():
        w = target - v
        if w == v:
            total += k * (k - 1)
        elif w in c:
            total += k * c[w]
    return total // 2


def with_pair(rng, n, vlo, vhi, i=None, j=None):
    """n random values in [vlo, vhi] with exactly one pair (at i, j) hitting a valid target."""
    while True:
        nums = [rng.randint(vlo, vhi) for _ in range(n)]
        a, b = (i, j) if i is not None else rng.sample(range(n), 2)
        t = nums[a] + nums[b]
        if LO <= t <= HI and pairs(nums, t) == 1:
            return [nums, t]


def residue_case(rng, n, span):
    """Many duplicates: all values are multiples of 4 except one value = 1 (mod 4)
    and one = 2 (mod 4); the target is 3 (mod 4), so only that pair fits."""
    nums = [4 * rng.randint(-span, span) for _ in range(n - 2)]
    x = 4 * rng.randint(-span, span) + 1
    y = 4 * rng.randint(-span, span) + 2
    p, q = rng.sample(range(n), 2)
    nums.insert(min(p, q), x)
    nums.insert(max(p, q), y)
    return [nums, x + y]


def cases(rng):
    out = [
        [[1, 2], 3],
        [[0, 0], 0],
        [[-3, -5], -8],
        [[5, 5], 10],
        [[10**9, -10**9], 0],
        [[10**9, 0], 10**9],
        [[-10**9, 0], -10**9],
        [[3, 2, 4], 6],                 # 3 + 3 would be 6: must not reuse index 0
        [[1, 5, 7, -1, 3], 10],         # 5 + 5 would be 10, answer 7 + 3
        [[0, 4, 3, 0], 0],
        [[-1, -2, -3, -4, -5], -8],
        [[2, 5, 5, 11], 10],
        [[1, 1, 1, 1, 1, 9, 10], 19],
        [[500000000, 500000000, 7], 10**9],
        [[-500000000, 3, -500000000], -10**9],
        [[6, 1, 2, 9, 3], 12],          # 9 + 3; 6 alone doubles to 12
    ]
    for n in (2, 3, 5, 10, 50, 200, 1000):
        out.append(with_pair(rng, n, -2 * n * n, 2 * n * n))
    out.append(with_pair(rng, 300, -10**9, 10**9))
    out.append(residue_case(rng, 2000, 1000))
    out.append(residue_case(rng, 10**4, 30))                       # heavy duplicates
    # upper bounds: 10^4 values over the full range, pair at the ends / at random
    out.append(with_pair(rng, 10**4, LO, HI, 10**4 - 2, 10**4 - 1))
    out.append(with_pair(rng, 10**4, LO, HI, 0, 10**4 - 1))
    out.append(with_pair(rng, 10**4, LO, HI))
    # doubled target present once, real pair elsewhere (breaks self-pairing)
    nums = rng.sample(range(-10**6, 10**6), 10**4)
    t = 2 * nums[17]
    a, b = 4321, 9876
    nums[b] = t - nums[a]
    while pairs(nums, t) != 1:
        nums = rng.sample(range(-10**6, 10**6), 10**4)
        t = 2 * nums[17]
        nums[b] = t - nums[a]
    out.append([nums, t])
    for nums, t in out:
        assert 2 <= len(nums) <= 10**4 and LO <= t <= HI, (nums, t)
        assert all(LO <= v <= HI for v in nums)
        assert pairs(nums, t) == 1, (nums[:10], t)
    return out


if __name__ == "__main__":
    for s in SAMPLES:
        assert pairs(*s) == 1
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1001)))
