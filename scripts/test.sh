#!/bin/bash
# Run every test of Gavel: install what is missing, build twice (plain, and
# with ASan+UBSan), run the unit, integration and hostile-program suites in
# both, the web UI's tests, and the cgroup v2 tests in a v2-only VM when the
# host is on cgroup v1. Ends with "N passed, N failed" (TAP cases counted).
# Run as root from the repository root:  sudo ./scripts/test.sh
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
export GAVEL_SANDBOX_MUST_WORK=1

./scripts/deps.sh --test || { echo "0 passed, 1 failed"; exit 1; }

status=0
results=$(mktemp)

run_suite() { # name builddir meson-setup-args...
	local name=$1 dir=$2
	shift 2
	echo "== $name"
	if [ ! -d "$dir" ]; then
		meson setup "$dir" "$@" >/dev/null || { echo "setup failed"; echo "0 1" >>"$results"; status=1; return; }
	fi
	if ! meson compile -C "$dir" >"$dir.compile.log" 2>&1; then
		tail -40 "$dir.compile.log"
		echo "0 1" >>"$results"
		status=1
		return
	fi
	meson test -C "$dir" --print-errorlogs --num-processes 1 \
		${MESON_TEST_ARGS:-} >"$dir.test.log" 2>&1 || status=1
	tail -25 "$dir.test.log"
	python3 scripts/count_tap.py "$dir/meson-logs/testlog.json" | tee -a "$results"
}

run_suite "build" build -Dbuildtype=debugoptimized
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0 \
	run_suite "build-asan (ASan+UBSan)" build-asan -Db_sanitize=address,undefined -Db_lundef=false

if [ -x web/scripts/test.sh ]; then
	echo "== web"
	if GAVEL="$root/build/src/gavel" web/scripts/test.sh >web-test.log 2>&1; then :; else status=1; fi
	tail -20 web-test.log
	python3 scripts/count_tap.py --text web-test.log | tee -a "$results"
fi

if [ ! -f /sys/fs/cgroup/cgroup.controllers ] && [ -x ../shared/tools/run-in-v2vm.sh ]; then
	echo "== cgroup v2 (in a v2-only VM)"
	if ../shared/tools/run-in-v2vm.sh "$root" ./scripts/test-v2.sh >v2-test.log 2>&1; then :; else status=1; fi
	tail -20 v2-test.log
	python3 scripts/count_tap.py --text v2-test.log | tee -a "$results"
fi

awk '{p += $1; f += $2} END {printf "%d passed, %d failed\n", p, f}' "$results"
failed=$(awk '{f += $2} END {print f + 0}' "$results")
rm -f "$results"
[ "$failed" -eq 0 ] && [ $status -eq 0 ]
