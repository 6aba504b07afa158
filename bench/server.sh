#!/bin/sh
# bench/server.sh -- latency and throughput of `gavel serve` on this
# machine: POST-to-final-verdict p50/p99 for a Python function problem
# with 50 tests when idle, and sustained submissions per second.
#
# usage: bench/server.sh [BUILD_DIR] [server_load.py options]
#   BUILD_DIR defaults to build; it must hold src/gavel (meson compile).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
gavel=$build/src/gavel
[ -x "$gavel" ] || gavel=$here/../$build/src/gavel
if [ ! -x "$gavel" ]; then
	echo "bench/server.sh: no gavel binary in $build/src (build first)" >&2
	exit 2
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r)"
exec python3 "$here/server_load.py" "$gavel" "$@"
