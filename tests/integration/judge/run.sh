#!/bin/sh
# tests/integration/judge/run.sh -- judge real programs through the sandbox
# with `gavel judge`: every verdict (AC, WA, TLE, MLE, RE, CE with compile
# bombs, OLE) in python3, cpp and c; a function problem, a stdin/stdout
# problem with the default validator, one with a custom checker, a Kattis
# package with a compiled validator; the catalog's reference solutions for
# every LeetCode type (when the catalog has them); the CLI's contract.
#
# Usage: GAVEL=build/src/gavel tests/integration/judge/run.sh
# Output is TAP. Exit 1 on any failure. Not root: skip (77) unless
# GAVEL_SANDBOX_MUST_WORK is set, then fail.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
gavel=${GAVEL:-$root/build/src/gavel}
P=$here/problems
S=$here/progs
catalog=${GAVEL_PROBLEMS:-$root/problems}

if [ "$(id -u)" != 0 ]; then
	if [ -n "${GAVEL_SANDBOX_MUST_WORK:-}" ]; then
		echo "1..1"
		echo "not ok 1 - judge: not root, and GAVEL_SANDBOX_MUST_WORK is set"
		exit 1
	fi
	echo "1..0 # SKIP needs root"
	exit 77
fi

work=$(mktemp -d /tmp/gavel-judge-test.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
# A cache of our own, so the run proves the cold path too.
export GAVEL_CACHE_DIR="$work/cache"
export GAVEL_PROBLEMS="$catalog"

n=0
failed=0
plan=""

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# verdict_of FILE: the top-level verdict of a --json report.
verdict_of() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$1" 2>/dev/null
}

# expect NAME PROBLEM SOURCE VERDICT [ARGS...]
expect() {
	name=$1 prob=$2 src=$3 want=$4
	shift 4
	out="$work/out.json"
	if ! "$gavel" judge "$prob" "$src" --json "$@" >"$out" 2>"$work/err"; then
		notok "$name: gavel judge failed: $(head -c 300 "$work/err")"
		return
	fi
	got=$(verdict_of "$out")
	if [ "$got" = "$want" ]; then
		ok "$name: $want"
	else
		notok "$name: expected $want, got $got: $(head -c 400 "$out" | tr '\n' ' ')"
	fi
}

# expect_not NAME PROBLEM SOURCE VERDICT: anything but VERDICT.
expect_not() {
	name=$1 prob=$2 src=$3 bad=$4
	out="$work/out.json"
	if ! "$gavel" judge "$prob" "$src" --json >"$out" 2>"$work/err"; then
		notok "$name: gavel judge failed: $(head -c 300 "$work/err")"
		return
	fi
	got=$(verdict_of "$out")
	if [ -n "$got" ] && [ "$got" != "$bad" ]; then
		ok "$name: $got"
	else
		notok "$name: expected anything but $bad, got '$got'"
	fi
}

# ---- stdin/stdout, default validator (float_tolerance), all verdicts ----
for lang in py cpp c; do
	for v in ac wa tle mle re ce ole; do
		V=$(echo "$v" | tr a-z A-Z)
		expect "stdio $lang $v" "$P/sum-stdio" "$S/sum_$v.$lang" "$V"
	done
done
# Compile bombs and floods end as CE, never hang.
expect "compile bomb: #include </dev/zero> (c)" "$P/sum-stdio" "$S/sum_bomb.c" CE
expect "compile bomb: template recursion (cpp)" "$P/sum-stdio" "$S/sum_bomb.cpp" CE
expect "compile bomb: error flood (cpp)" "$P/sum-stdio" "$S/sum_flood.cpp" CE
if python3 - "$work/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
out = d["compile_output"] or ""
sys.exit(0 if 0 < len(out) <= 64 * 1024 + 100 else 1)
PY
then ok "error flood: compiler output kept and capped"; else notok "error flood: compiler output kept and capped"; fi

# ---- function problem (LeetCode style), all verdicts ----
for lang in py cpp; do
	for v in ac wa tle mle re ce ole; do
		V=$(echo "$v" | tr a-z A-Z)
		case "$lang/$v" in
		cpp/ole)
			# The C++ harness keeps the user's prints in memory:
			# a print flood ends as MLE or OLE, never AC.
			expect_not "function $lang $v" "$P/fn-add" "$S/add_$v.$lang" AC
			continue
			;;
		esac
		expect "function $lang $v" "$P/fn-add" "$S/add_$v.$lang" "$V"
	done
done

# Per-test figures and the user's prints come back per test.
if "$gavel" judge "$P/fn-add" "$S/add_ac.py" --json >"$work/fn.json" 2>/dev/null &&
    python3 - "$work/fn.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["tests"]
assert d["verdict"] == "AC" and len(t) == 4 == d["total_tests"], d
assert all(set(x) >= {"verdict", "cpu_ms", "wall_ms", "memory_kb"} for x in t)
assert t[1]["stdout"] == "debug: -5 5\n" and t[1]["output"] == "0", t[1]
assert d["first_failed"] == -1
PY
then ok "function: per-test verdict, cpu_ms, wall_ms, memory_kb, stdout"; else notok "function: per-test figures and stdout"; fi

# Stop at the first failure, or run them all with --all.
"$gavel" judge "$P/fn-add" "$S/add_re.py" --json >"$work/a.json" 2>/dev/null
"$gavel" judge "$P/fn-add" "$S/add_re.py" --json --all >"$work/b.json" 2>/dev/null
if python3 - "$work/a.json" "$work/b.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert a["verdict"] == "RE" and len(a["tests"]) == 2 and a["first_failed"] == 1, a
assert b["verdict"] == "RE" and len(b["tests"]) == 4, b
assert [t["verdict"] for t in b["tests"]] == ["AC", "RE", "RE", "RE"], b
assert "IndexError" in b["tests"][1]["message"], b
PY
then ok "stop at the first failure; --all runs every test"; else notok "stop at the first failure; --all runs every test"; fi

# The per-test limit holds per test in one harness process: three tests
# of 0.6 s each pass under a 1 s limit that their sum exceeds.
cat >"$work/slow.py" <<'PY'
import time
class Solution:
    def addTwo(self, a: int, b: int) -> int:
        t = time.process_time()
        while time.process_time() - t < 0.6:
            pass
        return a + b
PY
expect "function: per-test CPU limit, not a total" "$P/fn-add" "$work/slow.py" AC
expect "function: --time lowers the limit" "$P/fn-add" "$work/slow.py" TLE --time 0.3

# ---- what user code can do to the harness's channel and exit codes ----
# A result line of 40 MB: the judge stops reading it (OLE), and its own
# memory stays small (the host keeps and parses each record).
cat >"$work/chanbomb.py" <<'PY'
import os
chunk = b"[" + b"0," * (1 << 20)
for _ in range(20):
    os.write(3, chunk)
os.write(3, b"0]\n")
class Solution:
    def addTwo(self, a, b): return a + b
PY
if /usr/bin/time -f "%M" -o "$work/rss" "$gavel" judge "$P/fn-add" "$work/chanbomb.py" --json >"$work/out.json" 2>"$work/err" &&
    [ "$(verdict_of "$work/out.json")" = OLE ] && [ "$(tail -n 1 "$work/rss")" -lt 100000 ]; then
	ok "function: a 40 MB record is OLE, the judge stays under 100 MB ($(tail -n 1 "$work/rss") KB)"
else
	notok "function: a 40 MB record: $(head -c 300 "$work/out.json") rss $(tail -n 1 "$work/rss" 2>/dev/null)"
fi
# The harness's own exit codes, raised by user code before READY, are the
# user's doing: RE, never the judge's IE.
printf 'import os\nos._exit(3)\n' >"$work/exit3.py"
expect "function: user code exiting 3 before READY is RE, not IE" "$P/fn-add" "$work/exit3.py" RE
printf '#include <unistd.h>\nstatic int x = (_exit(3), 0);\nclass Solution { public: int addTwo(int a, int b) { return a + b; } };\n' >"$work/exit3.cpp"
expect "function: C++ static constructor exiting 3 is RE, not IE" "$P/fn-add" "$work/exit3.cpp" RE
# Work done before READY counts against the first test.
cat >"$work/early.py" <<'PY'
import time
t = time.process_time()
while time.process_time() - t < 0.8:
    pass
class Solution:
    def addTwo(self, a, b): return a + b
PY
expect "function: work at import time is charged to test 1" "$P/fn-add" "$work/early.py" TLE --time 0.5
# A test that sleeps ends near its own limit, not the whole run's net.
cat >"$work/sleepy.py" <<'PY'
import time
class Solution:
    def addTwo(self, a, b):
        time.sleep(60)
PY
start=$(date +%s)
expect "function: a sleeping test is TLE" "$P/fn-add" "$work/sleepy.py" TLE --time 0.2
if [ $(( $(date +%s) - start )) -lt 10 ]; then ok "function: ...within seconds"; else notok "function: a sleeping test held the judge $(( $(date +%s) - start )) s"; fi
# User code cannot read tests it has not reached: the harness's stdin
# holds only the current test (the judge releases test k+1 after record k).
cat >"$work/peek.py" <<'PY'
import os, fcntl
class Solution:
    def addTwo(self, a, b):
        leaked = b""
        for fd in range(0, 64):
            try:
                fl = fcntl.fcntl(fd, fcntl.F_GETFL)
            except OSError:
                continue
            try:
                fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)
                leaked += os.read(fd, 1 << 20)
            except (OSError, BlockingIOError):
                pass
            finally:
                fcntl.fcntl(fd, fcntl.F_SETFL, fl)
        if leaked.strip():
            raise ValueError("read ahead: %r" % leaked[:80])
        return a + b
PY
expect "function: no test can be read before it is reached" "$P/fn-add" "$work/peek.py" AC
# Error text from a record is capped.
cat >"$work/bigerr.py" <<'PY'
class Solution:
    def addTwo(self, a, b): raise ValueError("x" * 300000)
PY
"$gavel" judge "$P/fn-add" "$work/bigerr.py" --json >"$work/out.json" 2>/dev/null
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["verdict"]=="RE" and len(r["tests"][0]["message"]) <= 4096, len(r["tests"][0]["message"])' "$work/out.json" 2>"$work/err"; then
	ok "function: a 300 KB exception message is kept to 4 KB"
else
	notok "function: big exception message: $(head -c 300 "$work/err")"
fi

# ---- custom checker (Kattis interface), Gavel format ----
expect "checker py ac" "$P/split-checker" "$S/split_ac.py" AC
expect "checker cpp ac (another valid answer)" "$P/split-checker" "$S/split_ac.cpp" AC
expect "checker py wa" "$P/split-checker" "$S/split_wa.py" WA
expect "checker c wa" "$P/split-checker" "$S/split_wa.c" WA
"$gavel" judge "$P/split-checker" "$S/split_wa.py" --json >"$work/c.json" 2>/dev/null
if grep -q '5 + 1 != 5' "$work/c.json"; then ok "checker: judgemessage.txt reaches the report"; else notok "checker: judgemessage.txt reaches the report"; fi

# ---- Kattis package: data/secret/<groups>, C++ validator with a header ----
expect "kattis py ac" "$P/kattis-hello" "$S/split_ac.py" AC
expect "kattis cpp ac" "$P/kattis-hello" "$S/split_ac.cpp" AC
expect "kattis py wa" "$P/kattis-hello" "$S/split_wa.py" WA
expect "kattis c wa" "$P/kattis-hello" "$S/split_wa.c" WA
expect "kattis c tle" "$P/kattis-hello" "$S/sum_tle.c" TLE

# ---- legacy Kattis package: no time limit (1 s default), a #! validator ----
expect "kattis script validator ac" "$P/kattis-script" "$S/split_ac.cpp" AC
expect "kattis script validator wa" "$P/kattis-script" "$S/split_wa.py" WA
"$gavel" judge "$P/kattis-script" "$S/sum_tle.cpp" --json >"$work/k.json" 2>/dev/null
if grep -q 'time limit 1000 ms' "$work/k.json"; then ok "legacy package: 1 s default limit"; else notok "legacy package: 1 s default limit"; fi
"$gavel" judge "$P/kattis-script" "$S/sum_tle.cpp" --json --time 0.5 >"$work/k.json" 2>/dev/null
if grep -q 'time limit 500 ms' "$work/k.json"; then ok "legacy package: --time sets the limit"; else notok "legacy package: --time sets the limit"; fi

# ---- stdio C++ starting with <bits/stdc++.h> uses the precompiled header ----
"$gavel" judge "$P/sum-stdio" "$S/sum_ac.cpp" --json >"$work/p.json" 2>/dev/null
"$gavel" judge "$P/sum-stdio" "$S/sum_wa.cpp" --json >"$work/q.json" 2>/dev/null
if grep -q '"compile_pch": true' "$work/p.json" && grep -q '"compile_pch": false' "$work/q.json"; then
	ok "precompiled header only for sources that start with <bits/stdc++.h>"
else
	notok "precompiled header only for sources that start with <bits/stdc++.h>"
fi

# ---- expected answers never enter the program's box ----
cat >"$work/snoop.py" <<'PY'
import os
found = []
for top in ("/box", "/tmp", "/prog", "/dev/shm", "/etc", "/gavel", "/data"):
    for d, _, files in os.walk(top):
        found += [f for f in files if f.endswith((".ans", ".in"))]
a, b = map(float, input().split())
print("%.6f" % (a + b) if not found else "found %s" % found)
PY
expect "no test files visible in the box" "$P/sum-stdio" "$work/snoop.py" AC

# ---- the compile cache: the second compile is a cache hit ----
# A comment makes it a source never compiled before.
{ echo "// $(date +%s%N)"; cat "$S/sum_ac.cpp"; } >"$work/cached.cpp"
t0=$(date +%s%N)
"$gavel" judge "$P/sum-stdio" "$work/cached.cpp" --json >/dev/null 2>&1
t1=$(date +%s%N)
"$gavel" judge "$P/sum-stdio" "$work/cached.cpp" --json >/dev/null 2>&1
t2=$(date +%s%N)
first=$(( (t1 - t0) / 1000000 )) second=$(( (t2 - t1) / 1000000 ))
if [ "$second" -lt "$first" ] && [ "$(ls "$GAVEL_CACHE_DIR/bin" | wc -l)" -ge 1 ]; then
	ok "compile cache: ${first} ms, then ${second} ms"
else
	notok "compile cache: ${first} ms, then ${second} ms"
fi
# The cache is the judge's: not writable by others.
if [ "$(stat -c %a "$GAVEL_CACHE_DIR/tmp")" = 700 ] && [ -z "$(ls "$GAVEL_CACHE_DIR/tmp")" ]; then
	ok "cache tmp/ is 0700 and left empty"
else
	notok "cache tmp/ is 0700 and left empty: $(ls -la "$GAVEL_CACHE_DIR/tmp")"
fi

# The cache keeps its size: past GAVEL_CACHE_MAX entries, the least
# recently used go.
pr=ok
for k in 1 2 3 4; do
	{ echo "# variant $k"; cat "$S/sum_ac.py"; } >"$work/v$k.py"
	v=$(GAVEL_CACHE_DIR="$work/small" GAVEL_CACHE_MAX=2 "$gavel" judge "$P/sum-stdio" "$work/v$k.py" --json 2>/dev/null >"$work/v.json" && verdict_of "$work/v.json")
	[ "$v" = AC ] || pr="$pr $k:$v"
done
if [ "$pr" = ok ] && [ "$(ls "$work/small/bin" | wc -l)" -eq 2 ]; then
	ok "compile cache pruned to GAVEL_CACHE_MAX"
else
	notok "compile cache pruned to GAVEL_CACHE_MAX: $pr, $(ls "$work/small/bin" | wc -l) entries"
fi

# ---- the catalog: reference solutions of every type pass, wrong ones fail ----
for slug in two-sum number-of-islands reverse-linked-list invert-binary-tree \
    group-anagrams word-break median-of-two-sorted-arrays \
    remove-duplicates-from-sorted-array longest-palindromic-substring \
    longest-common-prefix climbing-stairs merge-two-sorted-lists 3sum; do
	d=$catalog/$slug
	for ext in py cpp; do
		if [ -f "$d/solutions/ref.$ext" ] && [ -d "$d/tests/secret" ]; then
			expect "catalog $slug ref.$ext" "$slug" "$d/solutions/ref.$ext" AC
		else
			skip "catalog $slug ref.$ext" "not in the catalog yet"
		fi
	done
	if [ -f "$d/solutions/wrong.py" ] && [ -d "$d/tests/secret" ]; then
		expect_not "catalog $slug wrong.py" "$slug" "$d/solutions/wrong.py" AC
	else
		skip "catalog $slug wrong.py" "not in the catalog yet"
	fi
done

# ---- custom input (the web UI's Run): no answer, or one given ----
printf '7\n8\n' >"$work/in.txt"
if "$gavel" judge "$P/fn-add" "$S/add_ac.py" --input "$work/in.txt" --json >"$work/i.json" 2>/dev/null &&
    python3 - "$work/i.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["tests"]
assert d["verdict"] == "AC" and len(t) == 1 and t[0]["output"] == "15", d
assert t[0]["stdout"] == "debug: 7 8\n", t
PY
then ok "custom input: the returned value and the prints"; else notok "custom input: the returned value and the prints"; fi
printf '4 5\n' >"$work/in2.txt"
printf '9\n' >"$work/ans2.txt"
expect "custom input with an answer: AC" "$P/sum-stdio" "$S/sum_ac.c" AC --input "$work/in2.txt" --answer "$work/ans2.txt"
expect "custom input with an answer: WA" "$P/sum-stdio" "$S/sum_wa.c" WA --input "$work/in2.txt" --answer "$work/ans2.txt"
expect "custom input, checker problem" "$P/split-checker" "$S/split_wa.py" WA --input "$work/ans2.txt" --answer "$work/in2.txt"

# ---- parallel judges: CPU limits, so no false TLE on a busy machine ----
# Four judges at once on this machine's cores, each test at 60% of its
# limit.
for k in 1 2 3 4; do
	"$gavel" judge "$P/fn-add" "$work/slow.py" --json >"$work/par$k.json" 2>/dev/null &
done
wait
par=ok
for k in 1 2 3 4; do
	[ "$(verdict_of "$work/par$k.json")" = AC ] || par="$par $k:$(verdict_of "$work/par$k.json")"
done
if [ "$par" = ok ]; then ok "four parallel judges: no false TLE"; else notok "four parallel judges: $par"; fi

# ---- the command line's contract ----
if "$gavel" judge "$P/sum-stdio" "$S/sum_wa.py" >/dev/null 2>&1; then
	ok "exit 0 on a WA"
else
	notok "exit 0 on a WA"
fi
if "$gavel" judge "$P/sum-stdio" "$S/sum_ac.py" --lang cobol >/dev/null 2>&1; then
	notok "unknown language: non-zero exit"
else
	ok "unknown language: non-zero exit"
fi
if "$gavel" judge "no-such-problem" "$S/sum_ac.py" >/dev/null 2>&1; then
	notok "unknown problem: non-zero exit"
else
	ok "unknown problem: non-zero exit"
fi
if "$gavel" judge "$P/fn-add" "$S/sum_ac.c" >/dev/null 2>&1; then
	notok "C on a function problem: non-zero exit"
else
	ok "C on a function problem: non-zero exit"
fi
cp "$S/sum_ac.py" "$work/noext"
expect "--lang instead of the extension" "$P/sum-stdio" "$work/noext" AC --lang python3
if "$gavel" judge "$P/sum-stdio" "$S/sum_ac.c" 2>/dev/null | grep -q 'sum-stdio: AC (c), 4/4 tests run'; then
	ok "readable summary"
else
	notok "readable summary"
fi

echo "1..$n"
[ "$failed" -eq 0 ] || exit 1
exit 0
