#!/bin/bash
# Sandbox start-up cost, all measured in this one run (as root):
#   /bin/true and python3 -c pass, bare; under `gavel run` (a fresh box per
#   run, full isolation and limits); under bubblewrap with comparable
#   isolation; and from one long-lived process calling sandbox_run() in a
#   loop (how the server runs boxes). Prints medians and ratios.
# usage: bench/sandbox.sh [RUNS]   (build first: meson compile -C build)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-300}
gavel=build/src/gavel
loop=build/sandbox_loop
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
command -v bwrap >/dev/null || { echo "needs bubblewrap (apt-get install bubblewrap)"; exit 1; }

bwrap_args="--unshare-all --die-with-parent --new-session --ro-bind /usr /usr \
--symlink usr/bin /bin --symlink usr/lib /lib --symlink usr/lib64 /lib64 \
--symlink usr/sbin /sbin --proc /proc --dev /dev --tmpfs /tmp --dir /box --chdir /box"

median_ms() { # command... -> median wall time in ms
	local out
	out=$(mktemp)
	hyperfine -N -w 10 -r "$runs" --export-json "$out" "$*" >/dev/null 2>&1
	python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$out"
	rm -f "$out"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), cgroup $($gavel check | sed -n 's/.*cgroup \(v[12]\).*/\1/p'), $runs runs each"
printf "%-16s %10s %10s %10s %12s %12s\n" program bare_ms gavel_ms bwrap_ms gavel-bare bwrap-bare
for prog in "/bin/true" "/usr/bin/python3 -c pass"; do
	bare=$(median_ms $prog)
	box=$(median_ms $gavel run -- $prog)
	bw=$(median_ms bwrap $bwrap_args $prog)
	printf "%-16s %10s %10s %10s %12.3f %12.3f\n" "${prog##*/}" "$bare" "$box" "$bw" \
		"$(echo "$box - $bare" | bc -l)" "$(echo "$bw - $bare" | bc -l)"
done
echo
echo "in one process (sandbox_run() in a loop, as the server does):"
$loop "$runs" /bin/true
$loop $((runs / 3)) /usr/bin/python3 -c pass
