#!/bin/sh
# Install what building, running and testing Gavel needs on Debian 12.
# Idempotent: installs only what is missing. Run as root.
set -eu

PKGS="gcc g++ make meson ninja-build pkg-config python3 \
libseccomp-dev libjansson-dev libmicrohttpd-dev libsodium-dev libsqlite3-dev \
libcriterion-dev libarchive-dev procps"
# For the tests and benchmarks only.
[ "${1:-}" = "--test" ] && PKGS="$PKGS bubblewrap hyperfine bc chromium"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# The web UI needs Node.js 20+ and npm (the machine image has them; Debian 12's
# own nodejs is 18, which Vite 7 refuses).
if ! command -v npm >/dev/null 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
