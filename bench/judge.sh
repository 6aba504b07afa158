#!/bin/sh
# bench/judge.sh -- the judge, end to end: a Python function problem with 50
# tests and the same in C++, judged by `gavel judge`. Prints the total wall
# time of each judge, the ratio judge time / the program's own CPU time
# (target <= 1.3, with the compile cached) both as wall time, which a busy
# machine inflates, and as CPU time of everything the judge did, which it
# does not; and the C++ compile time with and without the precompiled
# header.
#
# Usage (as root): bench/judge.sh [path/to/gavel]
# GAVEL_CACHE_DIR is used when set (a warm precompiled header), else a
# fresh temporary cache (the first C++ judge then builds the header).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
gavel=${1:-${GAVEL:-$root/build/src/gavel}}
runs=${RUNS:-3}

work=$(mktemp -d /tmp/gavel-bench-judge.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
if [ -z "${GAVEL_CACHE_DIR:-}" ]; then
	export GAVEL_CACHE_DIR="$work/cache"
fi

# The problem: LeetCode's Sort an Array (912), 50 tests of 100000 integers
# each. Both languages do real work per test (parsing, sorting, printing
# 100000 numbers), so the figures measure the judge's overhead, not a
# rounding error.
prob=$work/sort-an-array
python3 - "$prob" <<'PY'
import json, os, random, sys
d = sys.argv[1]
os.makedirs(d + "/tests/secret")
json.dump({"title": "Sort an Array (benchmark)", "kind": "function",
           "signature": {"name": "sortArray",
                         "params": [{"name": "nums", "type": "integer[]"}],
                         "return": {"type": "integer[]"}},
           "compare": {"mode": "exact"},
           "limits": {"time_ms": 2000, "memory_mb": 256}},
          open(d + "/problem.json", "w"))
rng = random.Random(20261125)
for t in range(1, 51):
    nums = [rng.randint(-50000, 50000) for _ in range(100000)]
    enc = lambda v: json.dumps(v, separators=(",", ":"))
    open("%s/tests/secret/%02d.in" % (d, t), "w").write(enc(nums) + "\n")
    open("%s/tests/secret/%02d.ans" % (d, t), "w").write(enc(sorted(nums)) + "\n")
PY
cat >"$work/sol.py" <<'PY'
class Solution:
    def sortArray(self, nums: List[int]) -> List[int]:
        nums.sort()
        return nums
PY
cat >"$work/sol.cpp" <<'CPP'
class Solution {
public:
    vector<int> sortArray(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        return nums;
    }
};
CPP

# field FILE KEY: a top-level field of a --json report.
field() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# judge LANG SOURCE: judge it; print "wall_ms cpu_ms judge_cpu_ms
# compile_ms verdict": the wall time of the whole `gavel judge`, the CPU
# time of the program's boxes (the cgroup's figure), the CPU time of
# everything the command did (the judge, the sandbox, the boxes: rusage of
# the command and its descendants) and the compile step.
judge() {
	python3 - "$gavel" "$prob" "$2" "$1" "$work/r.json" <<'PY'
import json, resource, subprocess, sys, time
gavel, prob, src, lang, out = sys.argv[1:]
t = time.monotonic()
with open(out, "w") as f:
    subprocess.run([gavel, "judge", prob, src, "--lang", lang, "--json"],
                   stdout=f, stderr=subprocess.DEVNULL, check=False)
wall = (time.monotonic() - t) * 1000
u = resource.getrusage(resource.RUSAGE_CHILDREN)
d = json.load(open(out))
print(int(wall), d["run_cpu_ms"], int((u.ru_utime + u.ru_stime) * 1000),
      d["compile_ms"], d["verdict"])
PY
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "gavel judge benchmark: 50 tests, one harness process per judge ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
for lang in python3 cpp; do
	src=$work/sol.py
	[ "$lang" = cpp ] && src=$work/sol.cpp
	set -- $(judge "$lang" "$src")
	echo "$lang: first judge (cold cache): ${1} ms wall, program CPU ${2} ms, all CPU ${3} ms, compile ${4} ms, $5"
	: >"$work/walls"
	: >"$work/wratios"
	: >"$work/cratios"
	i=0
	while [ "$i" -lt "$runs" ]; do
		set -- $(judge "$lang" "$src")
		[ "$5" = AC ] || { echo "$lang: verdict $5, expected AC" >&2; exit 1; }
		echo "$1" >>"$work/walls"
		echo "$1 $2" | awk '{ printf "%.3f\n", $1 / $2 }' >>"$work/wratios"
		echo "$3 $2" | awk '{ printf "%.3f\n", $1 / $2 }' >>"$work/cratios"
		echo "  run $((i + 1)): ${1} ms wall, program CPU ${2} ms, all CPU ${3} ms (compile, cached: ${4} ms)"
		i=$((i + 1))
	done
	echo "$lang: total wall (median of $runs): $(median <"$work/walls") ms;" \
	    "judge time / program CPU: wall $(median <"$work/wratios")," \
	    "CPU $(median <"$work/cratios") (target <= 1.3)"
done

# C++ compile time with and without the precompiled header: a fresh
# source each time (a unique comment), so the cache never answers.
: >"$work/with"
: >"$work/without"
i=0
while [ "$i" -lt "$runs" ]; do
	printf '// %s %s\n' "$i" "$(date +%s%N)" | cat - "$work/sol.cpp" >"$work/u.cpp"
	"$gavel" judge "$prob" "$work/u.cpp" --json >"$work/r.json" 2>/dev/null
	echo "$(field "$work/r.json" compile_ms) $(field "$work/r.json" compile_pch)" >>"$work/with"
	printf '// nopch %s %s\n' "$i" "$(date +%s%N)" | cat - "$work/sol.cpp" >"$work/u.cpp"
	GAVEL_NO_PCH=1 "$gavel" judge "$prob" "$work/u.cpp" --json >"$work/r.json" 2>/dev/null
	echo "$(field "$work/r.json" compile_ms) $(field "$work/r.json" compile_pch)" >>"$work/without"
	i=$((i + 1))
done
echo "C++ compile (harness + solution, -O2), median of $runs:" \
    "with the precompiled header $(cut -d' ' -f1 "$work/with" | median) ms" \
    "($(cut -d' ' -f2 "$work/with" | sort -u | tr '\n' ' ')), without $(cut -d' ' -f1 "$work/without" | median) ms"
