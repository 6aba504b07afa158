"""Tests for group-anagrams. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(4901)
LOW = "abcdefghijklmnopqrstuvwxyz"


def word(n, alpha=LOW):
    return "".join(rng.choice(alpha) for _ in range(n))


def shuffled(w):
    c = list(w)
    rng.shuffle(c)
    return "".join(c)


def families(nfam, per, minlen, maxlen, alpha=LOW):
    """nfam base words, each with 1..per rearrangements, all mixed up."""
    out = []
    for _ in range(nfam):
        base = word(rng.randint(minlen, maxlen), alpha)
        for _ in range(rng.randint(1, per)):
            out.append(shuffled(base))
    rng.shuffle(out)
    return out


samples = [
    [["stop", "pots", "cat", "tops", "act", "dog"]],
    [["", ""]],
    [["ab", "abb", "bab"]],
]

cases = [
    [[""]],
    [["a"]],
    [["z", "z", "z"]],
    [["ab", "ba"]],
    [["ab", "cd"]],
    [["", "a", "", "a", "b"]],
    [["aab", "abb", "bba", "baa", "ab"]],              # same letter set, other counts
    [["abc", "bca", "cab", "acb", "bac", "cba"]],
    [["abcd", "abce", "abdc"]],
    [["aa", "a", "aaa", "aa"]],
    [["eat", "tea", "ate", "tan", "nat", "bat", "tab", "tna"]],
    [["x" * 100, "x" * 99 + "y", "y" + "x" * 99, "x" * 100]],
    [families(30, 4, 1, 6)],
    [families(50, 5, 2, 8, "ab")],                     # small alphabet, many near misses
    [families(200, 6, 0, 12, "abc")],
    [[word(rng.randint(0, 10)) for _ in range(300)]],
    [families(1000, 3, 3, 10)],
    [[word(rng.randint(1, 4), "ab") for _ in range(2000)]],   # many collisions
    [families(500, 10, 20, 40)],
    [[shuffled("abcdefghij") for _ in range(5000)]],          # one big group
    [[word(5) for _ in range(10000)]],                        # mostly singletons
    [families(5000, 2, 0, 30)],
    # upper bounds: 10^4 words, lengths up to 100
    [families(3000, 7, 60, 100)[:10000]],
    [[("abcdefghijklmnopqrstuvwxy" * 4)[:rng.randint(85, 95)] for _ in range(10000)]],
    [families(10000, 1, 90, 90)],                             # 10^4 distinct long words
    [[shuffled("a" * 50 + "b" * 40) if i % 2 else shuffled("a" * 49 + "b" * 41)
      for i in range(10000)]],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
