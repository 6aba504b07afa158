#!/usr/bin/env python3
"""Verify bundled problems: python3 problems/_lib/check.py [options] SLUG|DIR ...

With no SLUG, every problems/<slug>/ with a problem.json is checked.
For each problem:
  - problem.json is well formed (title, difficulty, tags, kind, signature,
    compare, limits) and statement.md, starters, gen.py, solutions exist;
  - tests/sample has >= 1 test and tests/secret >= 25; every .in has an .ans,
    one JSON line per parameter, one JSON value in .ans, files < 1 MB;
  - solutions/ref.py reproduces every .ans under the problem's compare mode
    (checker mode: checker.py decides, run as the judge runs it);
  - solutions/wrong.py fails at least one secret test (a wrong answer, an exception,
    or running longer than --wrong-timeout seconds on one test);
  - solutions/ref.cpp passes g++ -std=gnu++20 -fsyntax-only behind LeetCode's
    prelude (skipped when g++ is missing);
  - gen.py, run on a scratch copy, reproduces tests/secret byte for byte
    (skip with --no-regen);
  - with --gavel BIN: `BIN judge` (the sandboxed judge) accepts ref.cpp and
    ref.py and rejects wrong.py.
Solutions run in this Python process, unsandboxed: only check trusted code.
Exit status 0 when every problem passes, 1 otherwise.
"""

import argparse
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

LIB = os.path.dirname(os.path.abspath(__file__))
PROBLEMS = os.path.dirname(LIB)
sys.path.insert(0, LIB)
import lcgen  # noqa: E402

sys.setrecursionlimit(100000)

CPP_PRELUDE = """\
#include <bits/stdc++.h>
using namespace std;
struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
"""

DIFFICULTIES = {"Easy", "Medium", "Hard"}
MODES = {"exact", "float", "unordered", "unordered_deep", "checker"}
BASE_TYPES = {"integer", "long", "double", "boolean", "character", "string",
              "ListNode", "TreeNode", "void"}
MAX_FILE = 1 << 20


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def valid_type(t):
    while True:
        if t in BASE_TYPES:
            return True
        if t.endswith("[]"):
            t = t[:-2]
        elif t.startswith("list<") and t.endswith(">"):
            t = t[5:-1]
        else:
            return False


class Report:
    def __init__(self, slug):
        self.slug = slug
        self.errors = []
        self.notes = []

    def err(self, msg):
        self.errors.append(msg)

    def note(self, msg):
        self.notes.append(msg)


def check_meta(d, rep):
    try:
        meta = lcgen.load_problem(d)
    except Exception as e:
        rep.err("problem.json: %s" % e)
        return None
    for key in ("title", "difficulty", "tags", "kind", "signature", "compare", "limits"):
        if key not in meta:
            rep.err("problem.json: missing %r" % key)
    if meta.get("difficulty") not in DIFFICULTIES:
        rep.err("problem.json: difficulty %r" % meta.get("difficulty"))
    if not isinstance(meta.get("tags"), list) or not all(isinstance(t, str) for t in meta.get("tags", [])):
        rep.err("problem.json: tags must be a list of strings")
    if meta.get("kind") != "function":
        rep.err("problem.json: kind %r (this checker handles function problems)" % meta.get("kind"))
        return None
    sig = meta.get("signature") or {}
    if not isinstance(sig.get("name"), str):
        rep.err("signature: no method name")
    for p in sig.get("params", []):
        if not isinstance(p.get("name"), str) or not valid_type(p.get("type", "")):
            rep.err("signature: bad param %r" % p)
    if not valid_type((sig.get("return") or {}).get("type", "")):
        rep.err("signature: bad return %r" % sig.get("return"))
    out = sig.get("output")
    if out is not None:
        pi = out.get("paramindex")
        if not isinstance(pi, int) or not 0 <= pi < len(sig.get("params", [])):
            rep.err("signature: bad output.paramindex %r" % out)
    mode = (meta.get("compare") or {}).get("mode")
    if mode not in MODES:
        rep.err("compare.mode %r" % mode)
    lim = meta.get("limits") or {}
    for k in ("time_ms", "memory_mb"):
        if not isinstance(lim.get(k), int) or lim.get(k) <= 0:
            rep.err("limits.%s %r" % (k, lim.get(k)))
    files = ["statement.md", "starter/python3.py", "starter/cpp.cpp", "gen.py",
             "solutions/ref.py", "solutions/ref.cpp", "solutions/wrong.py"]
    if mode == "checker":
        files.append("checker.py")
    for f in files:
        if not os.path.isfile(os.path.join(d, f)):
            rep.err("missing %s" % f)
    name = sig.get("name", "")
    for f in ("starter/python3.py", "starter/cpp.cpp"):
        p = os.path.join(d, f)
        if os.path.isfile(p) and name not in open(p, encoding="utf-8").read():
            rep.err("%s does not mention %s" % (f, name))
    return meta


def check_files(d, meta, rep):
    nparams = len(meta["signature"].get("params", []))
    tests = {}
    for kind, minimum in (("sample", 1), ("secret", 25)):
        td = os.path.join(d, "tests", kind)
        names = sorted(os.listdir(td)) if os.path.isdir(td) else []
        ins = [n[:-3] for n in names if n.endswith(".in")]
        anss = [n[:-4] for n in names if n.endswith(".ans")]
        for n in names:
            if not (n.endswith(".in") or n.endswith(".ans")):
                rep.err("tests/%s/%s: stray file" % (kind, n))
            elif os.path.getsize(os.path.join(td, n)) > MAX_FILE:
                rep.err("tests/%s/%s: larger than 1 MB" % (kind, n))
        if set(ins) != set(anss):
            rep.err("tests/%s: .in/.ans mismatch: %s" % (kind, sorted(set(ins) ^ set(anss))))
        if len(ins) < minimum:
            rep.err("tests/%s: %d tests, need >= %d" % (kind, len(ins), minimum))
        ok = []
        for n in sorted(set(ins) & set(anss)):
            try:
                with open(os.path.join(td, n + ".in"), encoding="utf-8") as f:
                    text = f.read()
                if not text.endswith("\n"):
                    rep.err("tests/%s/%s.in: no final newline" % (kind, n))
                lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
                if len(lines) != nparams:
                    rep.err("tests/%s/%s.in: %d lines for %d params" % (kind, n, len(lines), nparams))
                    continue
                args = [json.loads(line) for line in lines]
                with open(os.path.join(td, n + ".ans"), encoding="utf-8") as f:
                    atext = f.read()
                if atext.count("\n") != 1 or not atext.endswith("\n"):
                    rep.err("tests/%s/%s.ans: not one line" % (kind, n))
                answer = json.loads(atext)
            except (ValueError, UnicodeDecodeError) as e:
                rep.err("tests/%s/%s: bad JSON: %s" % (kind, n, e))
                continue
            ok.append(("%s/%s" % (kind, n), args, answer, os.path.join(td, n + ".in"),
                       os.path.join(td, n + ".ans")))
        tests[kind] = ok
    return tests["sample"] + tests["secret"]


def judge_one(d, meta, cls, test, timeout):
    """(verdict, detail) for one test: AC, WA, RE, TLE."""
    name, args, answer, inpath, anspath = test
    sig = meta["signature"]
    comp = meta.get("compare", {})
    mode = comp.get("mode")
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.process_time()
    try:
        got = lcgen.call_solution(cls, sig, args)
    except Timeout:
        return "TLE", "over %.1fs" % timeout, timeout
    except RecursionError as e:
        return "RE", "RecursionError: %s" % e, 0
    except Exception as e:
        return "RE", "%s: %s" % (type(e).__name__, e), 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    used = time.process_time() - t0
    try:
        out = lcgen.dump(got)
    except Exception as e:
        return "RE", "unserialisable result: %s" % e, used
    if mode == "checker":
        with tempfile.TemporaryDirectory() as fb:
            p = subprocess.run(["/usr/bin/python3", os.path.join(d, "checker.py"), inpath,
                                anspath, fb + "/"], input=(out + "\n").encode(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            msg = ""
            jm = os.path.join(fb, "judgemessage.txt")
            if os.path.exists(jm):
                msg = open(jm, encoding="utf-8", errors="replace").read().strip()
            if p.returncode == 42:
                return "AC", "", used
            if p.returncode == 43:
                return "WA", msg or "checker rejected", used
            return "JE", "checker exit %d: %s" % (p.returncode, p.stderr.decode()[-300:]), used
    ok = lcgen.compare(mode, got, answer, comp.get("tolerance", 1e-5))
    if ok:
        return "AC", "", used
    short = out if len(out) < 120 else out[:117] + "..."
    return "WA", "got %s" % short, used


def check_solutions(d, meta, tests, rep, wrong_timeout):
    limit = meta["limits"]["time_ms"] / 1000.0
    try:
        ref = lcgen.load_ref(d)
    except Exception as e:
        rep.err("ref.py: %s" % e)
        ref = None
    if ref is not None:
        slowest = (0, "")
        bad = 0
        for t in tests:
            v, detail, used = judge_one(d, meta, ref, t, max(30.0, 10 * limit))
            if v != "AC":
                bad += 1
                if bad <= 5:
                    rep.err("ref.py %s on %s %s" % (v, t[0], detail))
            slowest = max(slowest, (used, t[0]))
        if slowest[0] > limit:
            rep.err("ref.py takes %.2fs on %s, over the %.1fs limit" % (slowest[0], slowest[1], limit))
        rep.note("ref.py: %d/%d AC, slowest %.2fs (%s)" % (len(tests) - bad, len(tests), *slowest))
    try:
        wrong = lcgen.load_solution(os.path.join(d, "solutions", "wrong.py"))
    except Exception as e:
        rep.err("wrong.py: %s" % e)
        return
    for t in [t for t in tests if t[0].startswith("secret/")]:
        v, detail, used = judge_one(d, meta, wrong, t, wrong_timeout)
        if v == "JE":
            rep.err("wrong.py: judge error on %s: %s" % (t[0], detail))
            return
        if v != "AC":
            rep.note("wrong.py: %s on %s (%s)" % (v, t[0], detail[:80]))
            return
    rep.err("wrong.py passes every secret test")


def check_cpp(d, rep):
    src = os.path.join(d, "solutions", "ref.cpp")
    if not os.path.isfile(src) or not shutil.which("g++"):
        return
    code = open(src, encoding="utf-8").read()
    if "#include" in code:
        rep.err("ref.cpp has an #include (the judge supplies them)")
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as f:
        f.write(CPP_PRELUDE + "#line 1 \"ref.cpp\"\n" + code)
        path = f.name
    try:
        p = subprocess.run(["g++", "-std=gnu++20", "-fsyntax-only", "-Wall", path],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            rep.err("ref.cpp does not compile:\n" + p.stdout.decode()[-1500:])
        else:
            rep.note("ref.cpp compiles")
    finally:
        os.unlink(path)


def check_regen(d, rep):
    slug = os.path.basename(os.path.normpath(d))
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "problems")
        shutil.copytree(LIB, os.path.join(root, "_lib"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        dst = os.path.join(root, slug)
        shutil.copytree(d, dst, ignore=shutil.ignore_patterns("__pycache__", "secret"))
        p = subprocess.run([sys.executable, os.path.join(dst, "gen.py")], cwd=tmp,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            rep.err("gen.py failed:\n" + p.stdout.decode()[-1500:])
            return
        a = os.path.join(d, "tests", "secret")
        b = os.path.join(dst, "tests", "secret")
        na = sorted(os.listdir(a)) if os.path.isdir(a) else []
        nb = sorted(os.listdir(b)) if os.path.isdir(b) else []
        if na != nb:
            rep.err("gen.py writes other files than tests/secret has: %s" % sorted(set(na) ^ set(nb)))
            return
        _, mismatch, errors = filecmp.cmpfiles(a, b, na, shallow=False)
        if mismatch or errors:
            rep.err("gen.py output differs from tests/secret: %s" % (mismatch + errors)[:10])
        else:
            rep.note("gen.py reproduces tests/secret (%d files)" % len(na))


def check_gavel(d, gavel, rep):
    for sol, want in (("ref.cpp", "AC"), ("ref.py", "AC"), ("wrong.py", "not AC")):
        p = subprocess.run([gavel, "judge", d, os.path.join(d, "solutions", sol), "--json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            res = json.loads(p.stdout.decode())
            verdict = res["verdict"]
        except (ValueError, KeyError, TypeError):
            rep.err("gavel judge %s: no JSON verdict (exit %d): %s"
                    % (sol, p.returncode, p.stderr.decode()[-500:]))
            continue
        ok = verdict == "AC" if want == "AC" else verdict not in ("AC", "JE", "CE")
        detail = "%s, %s/%s tests, max %s ms" % (verdict, len(res.get("tests") or []),
                                                  res.get("total_tests"), res.get("max_cpu_ms"))
        if ok:
            rep.note("gavel judge %s: %s" % (sol, detail))
        else:
            msg = res.get("message") or res.get("compile_output") or ""
            rep.err("gavel judge %s: %s (want %s) %s" % (sol, detail, want, str(msg)[-300:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("problems", nargs="*", help="slugs or problem directories")
    ap.add_argument("--no-regen", action="store_true", help="skip re-running gen.py")
    ap.add_argument("--wrong-timeout", type=float, default=10.0,
                    help="seconds after which wrong.py counts as failing a test")
    ap.add_argument("--gavel", metavar="BIN",
                    help="also judge ref.cpp, ref.py and wrong.py with BIN judge")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    args = ap.parse_args()
    targets = args.problems or sorted(
        n for n in os.listdir(PROBLEMS)
        if os.path.isfile(os.path.join(PROBLEMS, n, "problem.json")))
    failed = 0
    for t in targets:
        d = t if os.path.isdir(t) and os.path.isfile(os.path.join(t, "problem.json")) \
            else os.path.join(PROBLEMS, t)
        slug = os.path.basename(os.path.normpath(d))
        rep = Report(slug)
        if not os.path.isfile(os.path.join(d, "problem.json")):
            rep.err("no problem.json in %s" % d)
        else:
            meta = check_meta(d, rep)
            if meta is not None:
                tests = check_files(d, meta, rep)
                check_solutions(d, meta, tests, rep, args.wrong_timeout)
                check_cpp(d, rep)
                if not args.no_regen:
                    check_regen(d, rep)
                if args.gavel:
                    check_gavel(d, args.gavel, rep)
        status = "FAIL" if rep.errors else "ok"
        failed += bool(rep.errors)
        if rep.errors or not args.quiet:
            print("%-50s %s" % (slug, status))
            for e in rep.errors:
                print("  ERROR " + e.replace("\n", "\n    "))
            if not args.quiet:
                for n in rep.notes:
                    print("  " + n)
        sys.stdout.flush()
    print("%d/%d problems pass" % (len(targets) - failed, len(targets)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
