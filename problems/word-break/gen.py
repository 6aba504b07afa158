"""Tests for word-break. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(12510)
LOW = "abcdefghijklmnopqrstuvwxyz"


def word(n, alpha=LOW):
    return "".join(rng.choice(alpha) for _ in range(n))


def dictionary(k, minlen, maxlen, alpha=LOW, avoid=()):
    words = set()
    while len(words) < k:
        w = word(rng.randint(minlen, maxlen), alpha)
        if w not in avoid:
            words.add(w)
    out = sorted(words)
    rng.shuffle(out)
    return out


def build(words, maxlen=300):
    """Concatenate random words of the dictionary up to maxlen characters."""
    s = ""
    while True:
        w = rng.choice(words)
        if len(s) + len(w) > maxlen:
            return s or w
        s += w
        if rng.random() < 0.02:
            return s


def spoil(s, alpha=LOW):
    i = rng.randrange(len(s))
    return s[:i] + rng.choice([c for c in alpha if c != s[i]]) + s[i + 1:]


samples = [
    ["sunflowerseed", ["seed", "flower", "sun"]],
    ["abababa", ["ab", "aba"]],
    ["carpets", ["car", "pet", "carpet"]],
]

d1 = dictionary(30, 1, 5, "abc")
d2 = dictionary(200, 2, 8, "ab")
d3 = dictionary(1000, 1, 20, "abcde")
d4 = dictionary(1000, 10, 20, "ab")
a_runs = ["a" * k for k in range(1, 21)]

cases = [
    ["a", ["a"]],
    ["a", ["b"]],
    ["ab", ["a"]],
    ["aaaaaa", ["aaaa", "aaa"]],            # the longest word first gets stuck
    ["aaaaaaa", ["aaaa", "aaa"]],
    ["catsandog", ["cats", "dog", "sand", "and", "cat"]],
    ["pineapplepenapple", ["apple", "pen", "applepen", "pine", "pineapple"]],
    ["goalspecial", ["go", "goal", "goals", "special"]],
    ["abcd", ["a", "abc", "b", "cd"]],
    ["bb", ["a", "b", "bbb", "bbbb"]],
    ["cars", ["car", "ca", "rs"]],
    [build(d1), d1],
    [spoil(build(d2)), d2],
    [build(d2), d2],
    ["a" * 300, ["aa"]],                    # odd length would fail; 300 is even
    ["a" * 299, ["aa", "aaaa"]],
    ["a" * 299 + "b", a_runs],              # false after many partial matches
    ["a" * 300, ["a" * 7, "a" * 11]],       # 300 = 7*38 + 11*2
    ["ab" * 150, ["a", "b", "ab"]],
    # upper bounds: |s| = 300, 1000 dictionary words up to 20 letters
    [build(d3), d3],
    [spoil(build(d3)), d3],
    [build(d4), d4],
    [spoil(build(d4, 300), "ab"), d4],
    ["a" * 299 + "b", a_runs + dictionary(980, 15, 20, "ab", set(a_runs))],
    [word(300, "ab"), dictionary(1000, 3, 20, "ab")],
    ["a" * 300, ["a" * k for k in range(2, 21)] + dictionary(981, 1, 20, "bc")],
    [("abcde" * 60), ["abcd", "eab", "cdeabcd", "e", "abc", "de"]],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
