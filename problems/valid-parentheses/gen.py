#!/usr/bin/env python3
"""Writes tests/sample and tests/secret for valid-parentheses."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

N = 10**4
PAIRS = ["()", "[]", "{}"]
CLOSE = {"(": ")", "[": "]", "{": "}"}
SAMPLES = [["{()[]}"], ["[(])"], ["(("]]


def balanced(rng, n):
    """A random properly matched string of even length n."""
    out, stack = [], []
    while len(out) + len(stack) < n:
        if stack and (rng.random() < 0.5 or len(out) + 2 * len(stack) >= n):
            out.append(CLOSE[stack.pop()])
        else:
            c = rng.choice("([{")
            stack.append(c)
            out.append(c)
    out.extend(CLOSE[c] for c in reversed(stack))
    return "".join(out)


def crossed(rng, n):
    """Same counts of every kind, never closes early, but the nesting is broken once."""
    s = list(balanced(rng, n))
    # swap two different closers that follow each other: ...)]... -> ...])...
    idx = [i for i in range(len(s) - 1) if s[i] in ")]}" and s[i + 1] in ")]}" and s[i] != s[i + 1]]
    i = rng.choice(idx)
    s[i], s[i + 1] = s[i + 1], s[i]
    return "".join(s)


def cases(rng):
    out = [
        "(", ")", "()", "[]", "{}", "([)]", "([]{})", "{[()]}", "(]", "){", "]", "((",
        "())", "(()", "([{}])[]{}", "}{", "[({})](", "(){}}{", "[[[]]]", "{[}]",
    ]
    out.append(balanced(rng, 100))
    out.append(crossed(rng, 500))
    # upper bounds
    out.append("(" * (N // 2) + ")" * (N // 2))          # deepest nesting: true
    out.append(balanced(rng, N))
    out.append(crossed(rng, N))
    out.append("(" * N)
    out.append("{}" * (N // 2 - 1) + "[" + "]")
    out.append("[" * (N // 2) + "]" * (N // 2 - 1) + ")")
    out.append(balanced(rng, N - 2) + ")(")
    out.append(balanced(rng, N - 2)[:N - 3] + "]")          # odd length: false
    for s in out:
        assert 1 <= len(s) <= N and set(s) <= set("()[]{}")
    return [[s] for s in out]


if __name__ == "__main__":
    lcgen.write_tests(HERE, SAMPLES, kind="sample")
    lcgen.write_tests(HERE, cases(random.Random(1012)))
