#!/bin/bash
# The cgroup v2 path, for real: run inside a VM whose kernel has only cgroup
# v2 (../shared/tools/run-in-v2vm.sh), on binaries built outside it. The VM
# emulates its CPU, so timing bounds are widened (GAVEL_TEST_SLACK) and the
# judge gets a generous time limit.
set -u
cd "$(dirname "$0")/.."
export GAVEL_SANDBOX_MUST_WORK=1
if [ ! -f /sys/fs/cgroup/cgroup.controllers ]; then
	echo "not ok 1 - this is not a cgroup v2 machine"
	exit 1
fi
build/src/gavel check || exit 1
GAVEL_TEST_SLACK=10 build/tests/integration/sandbox/test_sandbox --tap=- -j1 2>/dev/null
rc=$?

# The judge end to end on cgroup v2: a reference solution and a wrong one.
export GAVEL_CACHE_DIR=$(mktemp -d /tmp/gavel-v2-cache.XXXXXX)
judge() { # name expected source
	local got
	got=$(build/src/gavel judge --json --time 20 problems/two-sum "$3" 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["verdict"])' 2>/dev/null)
	if [ "$got" = "$2" ]; then echo "ok - v2 judge: $1: $2"; else echo "not ok - v2 judge: $1: expected $2, got '$got'"; rc=1; fi
}
judge "two-sum reference" AC problems/two-sum/solutions/ref.py
judge "two-sum wrong" WA problems/two-sum/solutions/wrong.py
rm -rf "$GAVEL_CACHE_DIR"
exit $rc
