"""Tests for unique-paths. Only (m, n) with an answer <= 2 * 10^9 are valid.
Answers come from solutions/ref.py."""
import os
import random
import sys
from math import comb

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(6204)
LIMIT = 2 * 10**9
VALID = [(m, n) for m in range(1, 101) for n in range(1, 101)
         if comb(m + n - 2, m - 1) <= LIMIT]

samples = [[3, 3], [2, 4], [1, 5]]

fixed = [
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 100), (100, 1), (2, 100), (100, 2),
    (3, 7), (7, 3), (10, 10), (3, 100), (5, 100), (100, 6),
    (7, 100), (100, 7),            # largest answers with one side 100
    (8, 69), (69, 8),              # largest answer overall (1984829850)
    (16, 20), (17, 18), (18, 17), (13, 26),
]
assert all(p in VALID for p in fixed)
pool = [p for p in VALID if p not in fixed]
extra = rng.sample(pool, 8)
cases = [list(p) for p in fixed + extra]

if __name__ == "__main__":
    lcgen.write_tests(HERE, [list(p) for p in samples], kind="sample")
    lcgen.write_tests(HERE, cases)
