#!/usr/bin/env python3
"""Count TAP test cases ("ok N", "not ok N") in meson's testlog.json, or in
a plain text log with --text. Prints "PASSED FAILED" on one line. A test
program that failed without printing any TAP line counts as one failure."""
import json
import re
import sys

OK = re.compile(r"^\s*ok\b")
NOT_OK = re.compile(r"^\s*not ok\b")
SKIP = re.compile(r"#\s*skip", re.I)


def count(text):
    p = f = 0
    for line in text.splitlines():
        if NOT_OK.match(line):
            if SKIP.search(line):
                continue
            f += 1
        elif OK.match(line):
            if SKIP.search(line):
                continue
            p += 1
    return p, f


def main():
    if sys.argv[1] == "--text":
        with open(sys.argv[2], errors="replace") as fh:
            text = fh.read()
        # A runner's own closing "N passed, N failed" line is the total;
        # else count TAP lines.
        m = re.findall(r"^\S*:?\s*(\d+) passed, (\d+) failed", text, re.M)
        if m:
            p, f = int(m[-1][0]), int(m[-1][1])
        else:
            p, f = count(text)
            if p == 0 and f == 0:
                f = 1  # ran, but said nothing countable
        print(p, f)
        return
    p = f = 0
    with open(sys.argv[1]) as fh:
        for line in fh:
            t = json.loads(line)
            tp, tf = count(t.get("stdout") or "")
            if t.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and tf == 0:
                tf = 1
            p += tp
            f += tf
    print(p, f)


main()
