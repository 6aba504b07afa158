#!/usr/bin/env bash
# The web UI's tests: npm ci (when node_modules is missing or stale), the
# Vitest component tests, the production build, and — when $GAVEL names a
# gavel binary — the end-to-end tests in headless Debian chromium against
# a real `gavel serve`. Ends with "web: N passed, N failed"; exits non-zero
# on any failure.
#   web/scripts/test.sh                 unit tests + build
#   GAVEL=build/gavel web/scripts/test.sh   + end to end
set -u
# $GAVEL may be relative to where this was started
if [ -n "${GAVEL:-}" ] && [ "${GAVEL#/}" = "$GAVEL" ]; then GAVEL="$PWD/$GAVEL"; fi
cd "$(dirname "$0")/.."
mkdir -p .e2e-tmp
passed=0
failed=0
ok() { passed=$((passed + $1)); }
bad() { failed=$((failed + $1)); }

finish() {
	echo "web: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "not ok - node and npm are needed (Debian: apt-get install -y nodejs npm)"
	bad 1
	finish
fi

# npm ci when node_modules is missing or older than the lock file
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "# npm ci"
	if ! npm ci --no-audit --no-fund >.e2e-tmp/npm-ci.log 2>&1; then
		tail -30 .e2e-tmp/npm-ci.log
		echo "not ok - npm ci"
		bad 1
		finish
	fi
fi

# --- component tests ---------------------------------------------------
echo "# vitest"
rm -f .e2e-tmp/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile=.e2e-tmp/vitest.json
vrc=$?
if [ -f .e2e-tmp/vitest.json ]; then
	read -r vp vf < <(node -e 'const r=require("./.e2e-tmp/vitest.json");console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))')
	ok "$vp"
	bad "$vf"
	if [ "$vrc" -ne 0 ] && [ "$vf" -eq 0 ]; then bad 1; fi
else
	echo "not ok - vitest did not run"
	bad 1
fi

# --- build --------------------------------------------------------------
echo "# vite build"
if npx vite build >.e2e-tmp/build.log 2>&1 && [ -f dist/index.html ]; then
	echo "ok - vite build"
	ok 1
else
	tail -30 .e2e-tmp/build.log
	echo "not ok - vite build"
	bad 1
	finish
fi

# --- end to end -----------------------------------------------------------
if [ -n "${GAVEL:-}" ]; then
	if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ]; then
		echo "# apt-get install chromium"
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >.e2e-tmp/apt.log 2>&1 || tail -20 .e2e-tmp/apt.log
	fi
	# In a fresh network namespace (only loopback) when we can make one,
	# so nothing can leave the machine whatever the browser tries.
	# E2E_NETNS=0 turns this off.
	if [ "${E2E_NETNS:-1}" != 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null &&
		unshare -n true 2>/dev/null; then
		echo "# end to end against $GAVEL, in a network namespace with only loopback"
		unshare -n sh -c 'ip link set lo up && exec node e2e/gavel.e2e.mjs' | tee .e2e-tmp/e2e.log
	else
		echo "# end to end against $GAVEL"
		node e2e/gavel.e2e.mjs | tee .e2e-tmp/e2e.log
	fi
	erc=${PIPESTATUS[0]}
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' .e2e-tmp/e2e.log | tail -1)
	if [ -n "$line" ]; then
		ok "$(echo "$line" | cut -d' ' -f1)"
		bad "$(echo "$line" | cut -d' ' -f3 | tr -d ,)"
	fi
	if [ "$erc" -ne 0 ] && { [ -z "$line" ] || [ "$(echo "$line" | cut -d' ' -f3 | tr -d ,)" = 0 ]; }; then bad 1; fi
else
	echo "# end-to-end tests skipped: set GAVEL to the gavel binary to run them"
fi
finish
