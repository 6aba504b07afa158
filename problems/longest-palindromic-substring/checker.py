#!/usr/bin/env python3
"""Checker for longest-palindromic-substring (Kattis output validator interface).

    checker.py input answer feedback_dir/ < program_output

input: the test's .in (one JSON line: the string s); answer: the .ans (one
longest palindrome); program_output: the returned JSON value on one line.
Accepts (exit 42) when the output is a string that is a palindrome, occurs in
s as a substring, and is as long as the answer; otherwise exit 43 with the
reason in feedback_dir/judgemessage.txt.
"""
import json
import os
import sys

AC, WA = 42, 43


def reject(feedback, msg):
    with open(os.path.join(feedback, "judgemessage.txt"), "w", encoding="utf-8") as f:
        f.write(msg + "\n")
    sys.exit(WA)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.loads(f.read())


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: checker.py input answer feedback_dir < output\n")
        sys.exit(1)
    s = load(sys.argv[1])
    expected = load(sys.argv[2])
    feedback = sys.argv[3]
    if not isinstance(s, str) or not isinstance(expected, str):
        sys.stderr.write("bad test data\n")
        sys.exit(1)
    raw = sys.stdin.buffer.read().decode("utf-8", errors="replace").strip()
    if not raw:
        reject(feedback, "no output")
    try:
        got = json.loads(raw)
    except ValueError:
        reject(feedback, "output is not one JSON value: %.100s" % raw)
    if not isinstance(got, str):
        reject(feedback, "expected a string, got %.100s" % raw)
    if len(got) != len(expected):
        reject(feedback, "length %d, but the longest palindrome has length %d"
               % (len(got), len(expected)))
    if got != got[::-1]:
        reject(feedback, "%.100s is not a palindrome" % json.dumps(got))
    if got not in s:
        reject(feedback, "%.100s is not a substring of s" % json.dumps(got))
    sys.exit(AC)


if __name__ == "__main__":
    main()
