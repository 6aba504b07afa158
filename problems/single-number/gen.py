"""Tests for single-number. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(11409)
M = 3 * 10**4


def make(pairs, single=None, lo=-M, hi=M, order="shuffle"):
    """`pairs` distinct values twice each plus one `single` value once."""
    pool = rng.sample(range(lo, hi + 1), pairs + 1)
    if single is None:
        single = pool.pop()
    else:
        pool = [v for v in pool if v != single][:pairs]
    nums = pool + pool + [single]
    if order == "shuffle":
        rng.shuffle(nums)
    elif order == "sorted":
        nums.sort()
    return nums


samples = [
    [[5, 3, 5]],
    [[-2, 8, 0, 8, -2]],
    [[42]],
]

cases = [
    [[0]],
    [[-M]],
    [[M]],
    [[1, 1, 2]],                    # the single value sorts last
    [[2, 1, 1]],
    [[1, 2, 1]],
    [[-1, -1, -2]],
    [[0, 7, 7]],
    [[M, -M, -M]],
    [[-M, M, M]],
    [make(5)],
    [make(50, single=0)],
    [make(100, lo=-5, hi=M)],
    [make(1000)],
    [make(1000, order="sorted")],
    [make(2000, single=M)],         # the largest value is the single one
    [make(2000, single=-M)],
    [make(5000, lo=0, hi=M)],
    [make(5000, lo=-M, hi=-1)],
    # upper bounds: 3 * 10^4 - 1 numbers
    [make(14999)],
    [make(14999, single=M)],
    [make(14999, single=-1)],
    [make(14999, order="sorted")],
    [make(14999, order="none")],    # pairs in one block, repeated, single at the end
    [[v for p in rng.sample(range(-M, M + 1), 14999) for v in (p, p)][:-1]],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
