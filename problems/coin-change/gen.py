"""Tests for coin-change. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(17015)
A = 10**4
BIG = 2**31 - 1


def coins(k, lo, hi):
    return rng.sample(range(lo, hi + 1), k)


samples = [
    [[1, 3, 4], 6],
    [[4, 6], 9],
    [[7], 0],
]

cases = [
    [[1], 0],
    [[1], 1],
    [[2], 1],
    [[2], 3],
    [[5], 5],
    [[3], 10],
    [[BIG], 0],
    [[BIG], A],
    [[1, 2, 5], 11],
    [[1, 5, 6, 9], 11],                       # greedy takes 9+1+1, best is 5+6
    [[1, 7, 10], 14],                         # 7+7, not 10+1+1+1+1
    [[3, 7], 11],                             # greedy 7 leaves 4: no; 3+3+... no; answer -1
    [[5, 8], 24],                             # greedy 8*3 ok
    [[7, 9], 23],                             # 7+7+9; greedy leaves 5
    [[2, 5, 10, 1], 27],
    [coins(3, 2, 30), 100],
    [coins(5, 10, 500), 999],
    [[BIG, BIG - 1, 1, 2], 9999],
    # upper bounds: 12 coins, amount 10^4
    [[1], A],                                 # 10^4 coins
    [coins(12, 1, 100), A],
    [coins(12, 100, A), A],
    [coins(12, 500, 2000), 9973],
    [[2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24], 9999],   # even coins, odd amount
    [[9973, 9967, 9949, 9941, 9931, 9929, 9923, 9907, 9901, 9887, 9883, 9871], A],
    [[186, 419, 83, 408, 250, 333, 97, 5000, 7001, 1234, 4321, 999], 9998],
    [[BIG, 2**30, 10**9, 7919, 104, 67, 13, 11, 8, 5, 3, 2], A - 1],
    [[37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83], 9997],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
