#!/bin/bash
# The cgroup v2 path, for real: run inside a VM whose kernel has only cgroup
# v2 (../shared/tools/run-in-v2vm.sh), on binaries built outside it.
set -u
cd "$(dirname "$0")/.."
export GAVEL_SANDBOX_MUST_WORK=1
if [ ! -f /sys/fs/cgroup/cgroup.controllers ]; then
	echo "not ok 1 - this is not a cgroup v2 machine"
	exit 1
fi
build/src/gavel check || exit 1
GAVEL_TEST_SLACK=10 build/tests/integration/sandbox/test_sandbox --tap=- -j1 2>/dev/null
