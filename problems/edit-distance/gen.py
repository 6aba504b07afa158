"""Tests for edit-distance. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(8106)
LOW = "abcdefghijklmnopqrstuvwxyz"


def word(n, alpha=LOW):
    return "".join(rng.choice(alpha) for _ in range(n))


def mutate(w, k, alpha=LOW):
    """Apply k random edits (insert, delete, replace) to w."""
    w = list(w)
    for _ in range(k):
        op = rng.randrange(3)
        if op == 0 or not w:
            w.insert(rng.randint(0, len(w)), rng.choice(alpha))
        elif op == 1:
            del w[rng.randrange(len(w))]
        else:
            w[rng.randrange(len(w))] = rng.choice(alpha)
    return "".join(w)


samples = [["kitten", "sitting"], ["abc", ""], ["sunday", "saturday"]]

base300 = word(300, "abcd")
base500 = word(500)
cases = [
    ["", ""],
    ["", "a"],
    ["a", ""],
    ["a", "a"],
    ["a", "b"],
    ["ab", "ba"],
    ["abc", "abc"],
    ["abcdef", "azced"],
    ["horse", "rose"],
    ["intention", "execution"],
    ["aaaa", "aa"],
    ["abcd", "dcba"],
    ["ab", "xaybz"],
    [word(10), word(12)],
    [word(30, "ab"), word(25, "ab")],
    [base300, mutate(base300, 20, "abcd")],
    [word(100), word(200)],
    ["", word(500)],
    [word(500), ""],
    ["a" * 500, "b" * 500],
    ["a" * 500, "a" * 499],
    [base500, base500],
    [base500, base500[::-1]],
    # upper bounds: both words of length about 500
    [word(500), word(500)],
    [word(500, "ab"), word(500, "ab")],
    [base500, mutate(base500, 60)[:500]],
    [word(500, "abc"), word(480, "abc")],
    [("abc" * 200)[:500], ("bca" * 200)[:500]],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
