#!/bin/bash
# Build Gavel and start it with the bundled problems on http://127.0.0.1:8080
# (as root: the sandbox needs it). Extra arguments go to `gavel serve`.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
[ -d build ] || meson setup build -Dbuildtype=release >/dev/null
meson compile -C build >/dev/null
if [ -f web/package.json ]; then
	(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent) >/dev/null
fi
build/src/gavel check
if build/src/gavel serve --help >/dev/null 2>&1; then
	exec build/src/gavel serve --problems problems --web web/dist "$@"
fi
echo "gavel serve is not built yet: the sandbox works; try build/src/gavel run -- /bin/echo hi"
