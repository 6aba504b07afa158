#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for longest-common-prefix."""
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

LOW = string.ascii_lowercase
SAMPLES = [[["interval", "internet", "interior"]], [["tree", "trie", "apple"]], [["solo"]]]


def word(rng, n, alphabet=LOW):
    return "".join(rng.choice(alphabet) for _ in range(n))


def with_prefix(rng, count, plen, maxlen=200, alphabet=LOW):
    """count strings sharing a prefix of exactly plen characters (count >= 2)."""
    p = word(rng, plen, alphabet)
    out = [p + word(rng, rng.randint(0, maxlen - plen), alphabet) for _ in range(count)]
    # make sure the prefix is not longer: two strings differ right after it
    a, b = rng.sample(range(count), 2)
    c = rng.choice(alphabet)
    d = rng.choice([x for x in alphabet if x != c])
    out[a] = p + c + out[a][plen + 1:]
    out[b] = p + d + out[b][plen + 1:]
    return out


def cases(rng):
    out = [
        [[""]], [["a"]], [["", ""]], [["", "a"]], [["a", ""]], [["a", "a"]],
        [["ab", "a"]], [["a", "ab"]], [["abc", "xbc", "abd"]],      # middle one breaks it
        [["flower", "flow", "flight"]], [["dog", "racecar", "car"]],
        [["same", "same", "same"]], [["prefix", "prefixes", "pre", "prefixed"]],
        [["abcd", "abce", "", "abcf"]], [["z" * 200]], [["b", "a"]],
        [["aa", "ab", "aa"]],
    ]
    out.append([with_prefix(rng, 10, 3)])
    out.append([with_prefix(rng, 50, 0)])
    out.append([with_prefix(rng, 100, 40, 200, "ab")])
    # upper bounds: 200 strings of up to 200 characters
    p = word(rng, 200)
    out.append([[p] * 200])                                         # answer: all 200 chars
    out.append([[p] * 199 + [p[:199]]])
    out.append([with_prefix(rng, 200, 150)])
    q = [p] * 200
    q[100] = p[:120] + ("a" if p[120] != "a" else "b") + p[121:]
    out.append([q])                                                 # ends equal, middle differs
    out.append([[word(rng, 200, "a") for _ in range(200)]])
    out.append([[word(rng, rng.randint(0, 200)) for _ in range(200)]])
    for (strs,) in out:
        assert 1 <= len(strs) <= 200 and all(len(s) <= 200 and set(s) <= set(LOW) for s in strs)
    return out


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1010)))
