"""Tests for climbing-stairs: every n from 1 to 45 (the whole input range),
in a fixed shuffled order. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(7005)
samples = [[3], [4], [1]]
ns = list(range(1, 46))
rng.shuffle(ns)
# the smallest and largest inputs first, then the rest
ns = [1, 2, 45, 44] + [n for n in ns if n not in (1, 2, 45, 44)]
cases = [[n] for n in ns]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
