#!/usr/bin/env bash
# tests/evil/run.sh -- the hostile battery for `gavel run`.
#
# Builds every program of progs/ (C with gcc -O2, C++ with g++ -O2, outside
# the sandbox), binds them read-only at /progs, runs each one under
# `gavel run --report` with small limits, and checks
#   - the EXACT status of the report (and exit_code / signal), as listed in
#     the CASES table below (each program's header comment says the same);
#   - a few figures where they matter (cpu_ms of CPU hogs, peak memory,
#     output caps, quick ends);
#   - that the host is untouched afterwards: no process with a box uid
#     (60000..61000) that no live sandbox holds, no new or lost mount, no
#     idle cgroup left under /sys/fs/cgroup/*/gavel/, /run/gavel as gavel
#     keeps it (slot lock files, an empty root mount point, the prepared
#     etc), no canary file planted outside, the root-owned target and input
#     files and a few host files intact, no connection reached the host
#     listeners, host name, SysV IPC and keys unchanged;
#   - that the next run is clean: a trivial program right after reports ok
#     with a small memory figure.
# Other sandboxes may run on the machine meanwhile (the server, unit tests,
# other users); the host checks tell their boxes from leftovers.
# Programs that probe a barrier exit 0 when it held and 42 on a BREACH
# (their stderr says what got through); a breach shows as "exited 42".
#
# Output is TAP. Exit 1 on any failure. When not root: skip (exit 77, or
# $EVIL_SKIP_RC), unless GAVEL_SANDBOX_MUST_WORK is set, then fail.
#
# Environment: GAVEL (the binary; default ../../build/src/gavel relative to
# this script; harness/reuse.c links against the sandbox library beside
# it), EVIL_ONLY (a regex: run only the matching cases), EVIL_KEEP=1 (keep
# the work directory with every report, stdout and stderr), EVIL_VERBOSE=1
# (print each report), EVIL_TRACE=1 (timestamped shell trace on stderr).
set -u
[ -n "${EVIL_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
GAVEL=${GAVEL:-$here/../../build/src/gavel}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# ---------------------------------------------------------------------------
# The expectations. One case a line:
#   NAME  EXPECTED  [gavel options] [-- program arguments]
# NAME is progs/NAME.{c,cpp,py} (NAME may carry a "@tag" suffix to run the
# same program twice). EXPECTED is a status, or status:N for exited (exit
# code) and signaled (signal number). Placeholders: @PORT@ (host TCP
# listener), @ABSTRACT@ (host abstract unix socket name), @TARGET@ (a
# root-owned host file, 0600), @INPUT@ (another, 0644), @RW@ (a host
# directory, 0777), @HOSTPIDS@ (host pids), @OUT@ (this case's stdout
# file), @ERR@ (its stderr file). Hooks: pre_NAME, custom_NAME (instead of
# the plain run), check_NAME (after a matching status), post_NAME (always),
# with @ in NAME turned into _.
# Every run also gets --report, --stdout @OUT@, --stderr @ERR@ and
# --dir BIN=/progs, unless the case gives its own --stdout / --stderr.
# ---------------------------------------------------------------------------
CASES=$(cat <<'EOF'
# -- processes and CPU
fork_bomb            time_limit     --time 1 --wall 10 --pids 32
fork_bomb_setsid     time_limit     --time 1 --wall 10 --pids 32
thread_bomb          time_limit     --time 1 --wall 10 --pids 32
shell_fork_bomb      time_limit     --time 1 --wall 10 --pids 32
fork_cpu             time_limit     --time 1 --wall 10
threads_cpu          time_limit     --time 1 --wall 10
threads_cpu@cpp      time_limit     --time 1 --wall 10
busy_loop            time_limit     --time 1 --wall 10
busy_loop@py         time_limit     --time 1 --wall 10
cpu_under_limit      ok             --time 1 --wall 10
sleeper              wall_limit     --time 1 --wall 1
fifo_block           wall_limit     --time 1 --wall 1
daemon_orphan        ok             --time 1
daemon_holds_stdout  ok             --time 1
# -- memory
malloc_bomb          memory_limit   --memory 64
mmap_bomb            memory_limit   --memory 64
memory_slow          memory_limit   --memory 64 --time 2 --wall 5
memory_peak          ok             --memory 64
memory_bomb          memory_limit   --memory 64
vector_bomb          memory_limit   --memory 64
stack_recursion      memory_limit   --memory 64
recursion            memory_limit   --memory 64
socket_buffers       memory_limit   --memory 32
malloc_bomb@oomadj   memory_limit   --memory 32 --time 2 --wall 5
# -- disk and output
disk_fill_big        output_limit   --fsize 1024
disk_fill_enospc     ok             --tmpfs 2048 --fsize 65536
inode_fill           ok             --time 2
huge_stdout          output_limit   --stdout-max 1048576
huge_stderr          output_limit   --stderr-max 65536
huge_stdout@py       output_limit   --stdout-max 1048576
huge_stdout@cpp      output_limit   --stdout-max 1048576
output_exact@cap     ok             --stdout-max 65536 -- 65536
output_exact@over    output_limit   --stdout-max 65536 -- 65537
rlimit_raise         output_limit   --fsize 1024
disk_fill_big@sigign output_limit   --fsize 1024
# -- exit statuses and lies
self_sigkill         signaled:9
self_sigkill_bigmem  signaled:9     --memory 64
self_sigxcpu         signaled:24
segv                 signaled:11
abort                signaled:6
uncaught             signaled:6
core_dump            signaled:11
exit3                exited:3
exit3@py             exited:3
fake_judge_output    exited:3
fake_judge_output@report exited:3
# -- signals to the sandbox itself
kill_pid1            ok
sigstop_pid1         ok
kill_host_pid        ok             -- @HOSTPIDS@
ptrace               ok
# -- privileges and kernel attack surface
setuid0              ok
setuid_binary        ok             --time 2 --wall 10
mount                ok
unshare              ok
setns                ok
io_uring             ok
userfaultfd          ok
keyctl               ok
perf_event           ok
bpf                  ok
clock_set            ok
sethostname          ok
x32_syscall          signaled:31
int80                signaled:31
seccomp_edges        ok
tiocsti              ok
memfd_exec           ok
personality          ok
chmod_chown          ok
mknod                ok
many_files           ok
write_proc           ok
sched_rt             ok
signal_state         ok
oom_score            ok
# -- network
net_loopback         ok             -- @PORT@
net_outside          ok
net_vsock            ok
net_netlink          ok
net_packet           ok
net_abstract_unix    ok             -- @ABSTRACT@
# -- the host's files and secrets
read_host_files      ok
walk_fs              ok             --dir @RW@=/rw:rw
proc_view            ok
env_secret           ok
env_secret@py        ok
fd_leak              ok
stdin_reopen         ok             --stdin @INPUT@
write_outside        ok
# -- plants the host must never follow
symlink_plant        ok
deep_tree            ok             --time 2
rw_bind_plant        ok             --dir @RW@=/rw:rw -- @TARGET@
hardlink_host        ok             --dir @RW@=/rw:rw
setuid_plant         ok             --dir @RW@=/rw:rw
shared_file_signals  ok
cross_box            ok             -- probe
persist_plant        ok
persist_check        ok
# -- several boxes from one process (as the server runs them)
netns_reuse          ok
EOF
)

# Extra checks for some cases: check_NAME (NAME with @ turned into _) runs
# after the status check with $cpu $wall $mem $code $sig set, and calls
# fail "text" for each problem.
check_threads_cpu()     { cpu_near 1000; }
check_threads_cpu_cpp() { cpu_near 1000; }
check_busy_loop()       { cpu_near 1000; }
check_busy_loop_py()    { cpu_near 1000; }
check_fork_cpu()        { cpu_near 1000; }
check_sleeper() {
	[ "$cpu" -lt 300 ] || fail "cpu_ms $cpu for a sleeper"
	[ "$wall" -ge 900 ] && [ "$wall" -le 2500 ] || fail "wall_ms $wall, limit 1000"
}
check_fifo_block()      { check_sleeper; }
check_daemon_orphan()   { quick; }
check_daemon_holds_stdout() {
	quick
	grep -q "main done" "$out" || fail "stdout lost the program's own output"
}
check_kill_pid1()       { quick; }
check_sigstop_pid1()    { quick; }
check_symlink_plant()   { quick; }
check_memory_peak() {
	[ "$mem" -ge 24000 ] || fail "memory_kb $mem: the 24 MiB peak was not recorded"
	[ "$mem" -lt 60000 ] || fail "memory_kb $mem: the untouched 4 GiB reserve was counted"
}
check_malloc_bomb()     { [ "$mem" -ge 57000 ] || fail "memory_kb $mem after an OOM at 64 MiB"; }
check_mmap_bomb()       { check_malloc_bomb; }
check_self_sigxcpu()    { [ "$cpu" -lt 500 ] || fail "cpu_ms $cpu"; }
check_self_sigkill_bigmem() { [ "$mem" -ge 40000 ] || fail "memory_kb $mem, 40 MiB were touched"; }
check_huge_stdout()     { size_at_most "$out" 1048576; }
check_huge_stdout_py()  { size_at_most "$out" 1048576; }
check_huge_stdout_cpp() { size_at_most "$out" 1048576; }
check_output_exact_cap() {
	local n
	n=$(stat -c %s "$out" 2>/dev/null || echo 0)
	[ "$n" = 65536 ] || fail "stdout holds $n bytes, the program wrote 65536"
}
check_output_exact_over() { size_at_most "$out" 65536; }
check_cpu_under_limit() {
	[ "$cpu" -ge 550 ] && [ "$cpu" -lt 1000 ] || fail "cpu_ms $cpu for 600 ms of CPU"
}
check_huge_stderr()     { size_at_most "$err" 65536; }
check_core_dump() {
	local c
	for c in "$work"/core* "$here"/core* "$repo"/core* /core* ./core*; do
		[ -e "$c" ] && fail "core file $c on the host"
	done
	return 0
}
# setuid_plant: the host side sees no setuid/setgid file in the rw bind.
check_setuid_plant() {
	local f
	f=$(find "$work/rw" -xdev -perm /6000 -print 2>/dev/null | head -3 | tr '\n' ' ')
	[ -z "$f" ] || fail "setuid/setgid files left in the read-write bind: $f"
	[ -e "$work/rw/plain" ] || fail "the program left no file in the read-write bind: did it run there?"
}
check_fake_judge_output() {
	grep -q '"status": "ok"' "$out" || fail "stdout was not passed through verbatim"
}

# fake_judge_output@report: the report on stdout (--report -) must never
# share the stream with the program's stdout, where the program prints a
# fake report first. Without --stdout, gavel must refuse (or print the
# report alone); with --stdout FILE, gavel's stdout is the report alone.
custom_fake_judge_output_report() {
	local n
	timeout -k 5 60 "$GAVEL" run --report - --dir "$bin=/progs" -- \
	    /progs/fake_judge_output >"$out.mixed" 2>"$err.mixed"
	rc=$?
	n=$(grep -c '"status"' "$out.mixed")
	if [ "$rc" -eq 0 ] && [ "$n" -gt 1 ]; then
		fail "--report - without --stdout mixes the program's stdout with the report: $n lines with \"status\" on gavel's stdout, the fake one first"
	fi
	timeout -k 5 60 "$GAVEL" run --report - --stdout "$out" --stderr "$err" \
	    --dir "$bin=/progs" -- /progs/fake_judge_output >"$report" 2>"$report.gavel-stderr"
	rc=$?
	parse_report "$report" # the whole stdout must be the one JSON report
}

# netns_reuse: harness/reuse.c runs three boxes from one process; the last
# must not see what the second left in its network namespace. Built
# against the sandbox library of the build $GAVEL comes from.
custom_netns_reuse() {
	local lib
	lib=$(dirname "$GAVEL")
	if [ ! -f "$lib/sandbox/libgavel_sandbox.a" ] || [ ! -f "$lib/libgavel_util.a" ]; then
		skip_reason="no sandbox library next to $GAVEL"
		return
	fi
	# (a sanitized build's library needs the sanitizers' runtime too)
	if ! gcc -O2 -w -D_GNU_SOURCE -I"$repo/src" -o "$work/reuse" "$here/harness/reuse.c" \
	    "$lib/sandbox/libgavel_sandbox.a" "$lib/libgavel_util.a" -lseccomp -lpthread \
	    >"$err" 2>&1 &&
	   ! gcc -O2 -w -D_GNU_SOURCE -fsanitize=address,undefined -I"$repo/src" \
	    -o "$work/reuse" "$here/harness/reuse.c" "$lib/sandbox/libgavel_sandbox.a" \
	    "$lib/libgavel_util.a" -lseccomp -lpthread >"$err" 2>&1; then
		skip_reason="the harness does not link against $lib: $(head -c 200 "$err" | tr '\n' ' ')"
		return
	fi
	timeout -k 5 60 "$work/reuse" "$bin" >"$out" 2>"$err"
	rc=$?
	st=exited code=$rc sig=0 cpu=0 wall=0 mem=0 msg=
	[ "$rc" = 0 ] && st=ok
	[ "$rc" = 42 ] && fail "$(tr '\n' ' ' <"$out")-- one run can pass data to the next through a reused network namespace"
	rc=0
}

# cross_box: a neighbour box holds traces while this one probes.
pre_cross_box() {
	hold_report=$work/reports/cross_box_hold.json
	: >"$work/out/cross_box_hold.stdout"
	timeout -k 5 60 "$GAVEL" run --report "$hold_report" --time 1 --wall 6 \
	    --stdout "$work/out/cross_box_hold.stdout" --stderr "$work/out/cross_box_hold.stderr" \
	    --dir "$bin=/progs" -- /progs/cross_box hold &
	hold_pid=$!
	for _ in $(seq 100); do
		grep -q ready "$work/out/cross_box_hold.stdout" 2>/dev/null && break
		sleep 0.05
	done
	grep -q ready "$work/out/cross_box_hold.stdout" ||
		fail "the holding box never got ready: $(cat "$work/out/cross_box_hold.stderr" 2>/dev/null | head -3)"
}
post_cross_box() {
	wait "$hold_pid"
	local st code sig cpu wall mem msg
	parse_report "$hold_report"
	[ "$st" = ok ] || fail "the holding box: $st ($msg) $(grep -h '' "$work/out/cross_box_hold.stderr" | head -3 | tr '\n' ' ')"
}

cpu_near() { # the CPU limit in ms: time_limit must land close to it
	[ "$cpu" -ge $(($1 * 9 / 10)) ] || fail "cpu_ms $cpu below the ${1} ms limit"
	[ "$cpu" -le $(($1 * 3 / 2)) ] || fail "cpu_ms $cpu far above the ${1} ms limit"
}
quick() { [ "$wall" -lt 2500 ] || fail "wall_ms $wall (wall limit 3000): the run did not end when main exited"; }
size_at_most() {
	local n
	n=$(stat -c %s "$1" 2>/dev/null || echo 0)
	[ "$n" -le "$2" ] || fail "$(basename "$1") holds $n bytes, cap $2"
	[ "$n" -gt 0 ] || fail "$(basename "$1") is empty"
}

# ---------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	if [ -n "${GAVEL_SANDBOX_MUST_WORK:-}" ]; then
		echo "1..1"
		echo "not ok 1 - evil: not root, and GAVEL_SANDBOX_MUST_WORK is set"
		exit 1
	fi
	echo "1..0 # SKIP the sandbox needs root"
	# 77 is the skip code of plain harnesses; Meson's TAP protocol reads
	# the plan instead and takes any non-zero code as an error, so
	# meson.build sets EVIL_SKIP_RC=0.
	exit "${EVIL_SKIP_RC:-77}"
fi

ncases=$(grep -cv '^\s*\(#\|$\)' <<<"$CASES")
[ -n "${EVIL_ONLY:-}" ] &&
	ncases=$(grep -v '^\s*\(#\|$\)' <<<"$CASES" | awk '{print $1}' | grep -cE "$EVIL_ONLY")
echo "1..$ncases"

bail() {
	echo "Bail out! $*"
	exit 1
}
[ -x "$GAVEL" ] || bail "no gavel binary at $GAVEL"

export GAVEL_EVIL_SECRET="gavel-evil-secret-$$-$RANDOM"
start_time=$(date +%s%N)
work=$(mktemp -d /tmp/gavel-evil.XXXXXX) || bail "mktemp"
chmod 755 "$work"
bin=$work/bin
mkdir -p "$bin" "$work/out" "$work/reports" "$work/rw"
chmod 777 "$work/rw"
listener_pid=
cleanup() {
	[ -n "$listener_pid" ] && kill "$listener_pid" 2>/dev/null
	[ -n "$listener_pid" ] && wait "$listener_pid" 2>/dev/null
	rm -f /tmp/gavel-evil-secret
	if [ -n "${EVIL_KEEP:-}" ]; then
		echo "# kept $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Host secrets and targets the box must never reach.
echo "$GAVEL_EVIL_SECRET" >/tmp/gavel-evil-secret
chmod 600 /tmp/gavel-evil-secret
target=$work/target
echo "root-owned target, do not touch" >"$target"
chmod 600 "$target"
input=$work/input
echo "host input file, read-only for boxes" >"$input"
chmod 644 "$input"
target_sig() {
	stat -c '%n %u:%g:%a:%s:%h:%F' "$target" "$input" 2>&1
	cat "$target" "$input" | md5sum 2>&1
}
target_orig=$(target_sig)

canaries=(/tmp/gavel-evil-canary "$repo/gavel-evil-canary" /gavel-evil-canary
	/usr/gavel-evil-canary /usr/bin/gavel-evil-canary /etc/gavel-evil-canary
	/root/gavel-evil-canary /run/gavel/gavel-evil-canary "$bin/gavel-evil-canary"
	/work/gavel-evil-canary /dev/shm/gavel-evil-canary /dev/shm/.persist
	/tmp/.persist /usr/gavel-evil-dir)
# Only ever remove these exact names (files, or the empty directory).
remove_canary() { rm -f "$1" 2>/dev/null || rmdir "$1" 2>/dev/null; }
for c in "${canaries[@]}"; do
	if [ -e "$c" ] || [ -L "$c" ]; then
		echo "# removing a canary left over from an earlier run: $c"
		remove_canary "$c"
	fi
done
# Host files a box tries to change: they must stay as they are.
host_files=(/etc/passwd /etc/shadow /etc/hostname /usr/bin/true /usr/bin/su)
host_files_sig() { stat -c '%n %u:%g:%a:%s:%Y' "${host_files[@]}" 2>&1; }
host_files_orig=$(host_files_sig)

# Build. A program that does not compile fails its case.
declare -A build_err=()
wanted=$(grep -v '^\s*\(#\|$\)' <<<"$CASES" | awk '{ print $1 }' |
	grep -E "${EVIL_ONLY:-.}" | sed 's/@.*//' | sort -u | tr '\n' ' ')
[[ " $wanted " == *" netns_reuse "* ]] && wanted+=" netns_counter"
for src in "$here"/progs/*.c "$here"/progs/*.cpp "$here"/progs/*.py; do
	base=$(basename "$src")
	name=${base%.*}
	ext=${base##*.}
	# With EVIL_ONLY, build only what the chosen cases run.
	if [ -n "${EVIL_ONLY:-}" ] && [ "$name" != trivial ] &&
	    [[ " $wanted " != *" $name "* ]]; then
		continue
	fi
	case $ext in
	c) out=$bin/$name
	   cmd=(gcc -O2 -w -pthread -I"$here/progs" -o "$out" "$src") ;;
	cpp) out=$bin/${name}_cpp
	   cmd=(g++ -O2 -w -pthread -o "$out" "$src") ;;
	py) cp "$src" "$bin/$base"; continue ;;
	esac
	if ! msg=$("${cmd[@]}" 2>&1); then
		build_err[$base]=$msg
	fi
done
chmod -R a+rX "$bin"

# Host listeners: TCP on 127.0.0.1 and ::1 (same port), and an abstract
# unix socket. Every accepted connection is logged.
abstract="gavel-evil-$$"
"$PY" - "$work/port" "$work/listener.log" "$abstract" <<'EOF' &
import socket, sys, select, os
portf, logf, name = sys.argv[1:4]
s4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s4.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s4.bind(("127.0.0.1", 0)); s4.listen(16)
port = s4.getsockname()[1]
socks = [s4]
try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s6.bind(("::1", port)); s6.listen(16); socks.append(s6)
except OSError:
    pass
su = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
su.bind("\0" + name); su.listen(16); socks.append(su)
with open(portf + ".tmp", "w") as f:
    f.write(str(port))
os.rename(portf + ".tmp", portf)
while True:
    r, _, _ = select.select(socks, [], [])
    for s in r:
        c, addr = s.accept()
        with open(logf, "a") as f:
            f.write("connection on %s from %r\n" % (s.getsockname(), addr))
        c.close()
EOF
listener_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || bail "the host listener did not start"
port=$(cat "$work/port")
: >"$work/listener.log"

hostpids="$$ $PPID $listener_pid"

# --- host state snapshots -------------------------------------------------
mounts_now() {
	awk '{ for (i = 7; $i != "-"; i++); print $5, $(i + 1), $(i + 2) }' \
	    /proc/self/mountinfo | sort
}
mounts_now >"$work/mounts.orig"
etc_sig() { find /run/gavel/etc -printf '%P %y %m %s %T@\n' 2>/dev/null | sort | md5sum; }
# A first trivial run prepares gavel's state (/run/gavel/etc...).
"$GAVEL" run --dir "$bin=/progs" -- /progs/trivial >/dev/null 2>&1
etc_orig=$(etc_sig)
hostname_orig=$(hostname)
ipc_key=1735812460 # 0x6776656c, the key of persist_plant

# Processes with a box uid that no sandbox holds any more: leaked. A live
# box process descends from its box's PID 1, which runs as root; a leaked
# one was reparented to the host's init (or a subreaper), or never was in
# a pid namespace of its own. Other runs of gavel may be active on this
# machine (other users, the server, unit tests), so an ancestry that breaks
# mid-walk is looked at again after half a second.
box_uid_pids() {
	awk '/^Uid:/ { if ($2 >= 60000 && $2 <= 61000) print FILENAME; nextfile }' \
	    /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3
}
held_by_sandbox() { # pid: 0 if some ancestor (not pid 1) runs as root
	local p uid
	p=$(awk '/^PPid:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
	while [ -n "$p" ] && [ "$p" -gt 1 ]; do
		uid=$(awk '/^Uid:/ { print $2 }' "/proc/$p/status" 2>/dev/null) || return 1
		[ "$uid" = 0 ] && return 0
		p=$(awk '/^PPid:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
	done
	return 1
}
describe_pid() {
	echo "$1 ($(grep -E '^(Name|State|Uid|PPid|NSpid):' "/proc/$1/status" 2>/dev/null | tr '\n\t' '  '))"
}
leaked_procs() {
	local pid cand=() out=()
	for pid in $(box_uid_pids); do
		if [ "$(awk '/^NSpid:/ { print NF - 1 }' "/proc/$pid/status" 2>/dev/null)" = 1 ]; then
			out+=("$(describe_pid "$pid") in the host's pid namespace")
		elif ! held_by_sandbox "$pid"; then
			cand+=("$pid")
		fi
	done
	if [ ${#cand[@]} -gt 0 ]; then
		sleep 0.5
		for pid in "${cand[@]}"; do
			[ -e "/proc/$pid" ] && ! held_by_sandbox "$pid" &&
				out+=("$(describe_pid "$pid")")
		done
	fi
	[ ${#out[@]} -gt 0 ] && printf '%s\n' "${out[@]}"
	return 0
}

# Box cgroups that nothing uses any more: no process for 3 s, and no live
# sandbox holds the box's slot (a process that keeps boxes made ahead tears
# finished ones down at idle priority, later under CPU load; the server and
# other tests may run meanwhile).
slot_held() { # box-N cgroup directory: 0 if slot N's lock is taken
	local f=/run/gavel/slots/$(basename "$1" | sed -n 's/^box-\([0-9]*\)$/\1/p')
	[ -f "$f" ] && ! flock -n -x "$f" true 2>/dev/null
}
leftover_cgroups() {
	local d i busy left=()
	for d in /sys/fs/cgroup/*/gavel/*/ /sys/fs/cgroup/gavel/*/; do # v1, v2
		[ -d "$d" ] || continue
		slot_held "$d" && continue
		busy=
		for i in $(seq 30); do
			[ -d "$d" ] || { busy=1; break; }
			# (cgroup files have st_size 0: read, do not test -s)
			[ -n "$(head -c 1 "$d/cgroup.procs" 2>/dev/null)" ] && { busy=1; break; }
			sleep 0.1
		done
		[ -z "$busy" ] && left+=("$d")
	done
	[ ${#left[@]} -gt 0 ] && echo "${left[*]}"
	return 0
}

host_checks() {
	local l c n i
	# 1. processes
	l=$(leaked_procs)
	if [ -n "$l" ]; then
		while read -r i; do fail "box process alive after the run: $i"; done <<<"$l"
		# Leftovers of this battery's boxes: end them, by pid.
		for i in $(awk '{ print $1 }' <<<"$l"); do kill -9 "$i" 2>/dev/null; done
	fi
	# 2. mounts
	# (temporary files, not <(...): /dev/fd may be missing, as in the v2 VM)
	mounts_now >"$work/mounts.now"
	l=$(diff "$work/mounts.orig" "$work/mounts.now" | grep '^[<>]')
	if [ -n "$l" ]; then
		fail "host mount table changed: $(echo $l)"
		cp "$work/mounts.now" "$work/mounts.orig" # blame this case only
	fi
	# 3. cgroups
	l=$(leftover_cgroups)
	[ -n "$l" ] && fail "cgroups left with no process in them: $l"
	# 4. /run/gavel: slot lock files, the empty mount point of box roots
	# and the prepared /etc, unchanged.
	if [ -d /run/gavel ]; then
		l=$(find /run/gavel/slots -mindepth 1 ! -type f 2>/dev/null)
		[ -n "$l" ] && fail "/run/gavel/slots holds more than lock files: $(echo $l)"
		l=$(find /run/gavel/root -mindepth 1 2>/dev/null | head -5)
		[ -n "$l" ] && fail "/run/gavel/root is not empty on the host: $(echo $l)"
		l=$(find /run/gavel -mindepth 1 -maxdepth 1 ! -name etc ! -name root \
		    ! -name slots ! -name 'etc.[0-9]*' 2>/dev/null)
		[ -n "$l" ] && fail "unexpected entries in /run/gavel: $(echo $l)"
		[ "$(etc_sig)" = "$etc_orig" ] || { fail "/run/gavel/etc changed"; etc_orig=$(etc_sig); }
	fi
	# 5. canaries
	for c in "${canaries[@]}"; do
		if [ -e "$c" ] || [ -L "$c" ]; then
			fail "planted on the host: $c"
			remove_canary "$c"
		fi
	done
	[ "$(host_files_sig)" = "$host_files_orig" ] ||
		{ fail "host files changed: $(host_files_sig | grep -vxF "$host_files_orig" | tr '\n' ' ')"
		  host_files_orig=$(host_files_sig); }
	# 6. target, listeners, host name, IPC, keys
	[ "$(target_sig)" = "$target_orig" ] ||
		{ fail "host target/input file changed: $(target_sig | head -2 | tr '\n' ' ')"
		  target_orig=$(target_sig); }
	if [ -s "$work/listener.log" ]; then
		fail "host listener reached: $(cat "$work/listener.log")"
		: >"$work/listener.log"
	fi
	[ "$(hostname)" = "$hostname_orig" ] || fail "host name changed to $(hostname)"
	grep -qs "^ *$ipc_key " /proc/sysvipc/shm /proc/sysvipc/msg /proc/sysvipc/sem &&
		fail "SysV IPC object with the box's key on the host"
	grep -qs gavel-evil /proc/keys && fail "a gavel-evil key on the host"
	[ -e /dev/mqueue/gavel-evil ] && fail "POSIX message queue on the host"
	return 0
}

# --- running ----------------------------------------------------------------
# run_gavel REPORT OUT ERR OPTS... -- ARGV...: sets rc, st, code, sig, cpu,
# wall, mem, msg.
run_gavel() {
	local report=$1 o=$2 e=$3
	shift 3
	rm -f "$report"
	timeout -k 5 60 "${wrap[@]}" "$GAVEL" run --report "$report" "$@" 2>"$report.gavel-stderr"
	rc=$?
	# gavel's own complaints about its clean-up (it says so on stderr)
	if grep -qi "cannot remove\|cannot kill\|leftover" "$report.gavel-stderr" 2>/dev/null; then
		fail "gavel ($(basename "$report")): $(grep -i "cannot remove\|cannot kill\|leftover" "$report.gavel-stderr" | head -3 | tr '\n' ' ')"
	fi
	parse_report "$report"
}

# parse_report FILE: sets st, code, sig, cpu, wall, mem, msg.
parse_report() {
	local parsed
	parsed=$("$PY" -c '
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    assert isinstance(r, dict)
except Exception as e:
    print("unreadable-report 0 0 0 0 0"); print("cannot parse the report: %s" % e); sys.exit()
v = lambda k: r.get(k) if isinstance(r.get(k), int) else -1
print(r.get("status"), v("exit_code"), v("signal"), v("cpu_ms"), v("wall_ms"), v("memory_kb"))
print(str(r.get("message", "")).replace("\n", " "))' "$1" 2>&1)
	read -r st code sig cpu wall mem <<<"$(head -1 <<<"$parsed")"
	msg=$(sed -n 2p <<<"$parsed")
}

failures=0
wrap=()
fails=()
fail() { fails+=("$*"); }

n=0
while read -r name expect rest; do
	case $name in '' | '#'*) continue ;; esac
	if [ -n "${EVIL_ONLY:-}" ] && ! grep -qE "$EVIL_ONLY" <<<"$name"; then continue; fi
	n=$((n + 1))
	fails=()
	skip_reason=
	prog=${name%@*}
	tag=${name#"$prog"}
	tag=${tag#@}
	fname=${name//@/_}
	fn=check_$fname
	# The program's argv.
	if [ "$tag" = py ] || { [ -z "$tag" ] && [ ! -f "$here/progs/$prog.c" ] &&
	    [ ! -f "$here/progs/$prog.cpp" ]; }; then
		src=$prog.py
		argv=(/usr/bin/python3 "/progs/$prog.py")
	elif [ "$tag" = cpp ] || { [ -z "$tag" ] && [ ! -f "$here/progs/$prog.c" ]; }; then
		src=$prog.cpp
		argv=("/progs/${prog}_cpp")
	else
		src=$prog.c
		argv=("/progs/$prog")
	fi
	out=$work/out/$name.stdout
	err=$work/out/$name.stderr
	report=$work/reports/$name.json
	r=" $rest "
	opts_s=${r%% -- *}
	args_s=
	[[ $r == *" -- "* ]] && args_s=${r#* -- }
	subst() {
		sed -e "s|@PORT@|$port|g" -e "s|@ABSTRACT@|$abstract|g" \
		    -e "s|@TARGET@|$target|g" -e "s|@RW@|$work/rw|g" -e "s|@INPUT@|$input|g" \
		    -e "s|@HOSTPIDS@|$hostpids|g" -e "s|@OUT@|$out|g" -e "s|@ERR@|$err|g" <<<"$1"
	}
	read -r -a opts <<<"$(subst "$opts_s")"
	read -r -a args <<<"$(subst "$args_s")"
	io=()
	[[ " ${opts[*]} " == *" --stdout "* ]] || io+=(--stdout "$out")
	[[ " ${opts[*]} " == *" --stderr "* ]] || io+=(--stderr "$err")

	if [ -n "${build_err[$src]:-}" ]; then
		fail "does not build: $(head -3 <<<"${build_err[$src]}")"
	else
		wrap=()
		case $fname in signal_state | disk_fill_big_sigign)
			# Start gavel with signals ignored and blocked.
			wrap=("$PY" -c 'import os, signal as s, sys
for n in (s.SIGPIPE, s.SIGINT, s.SIGHUP, s.SIGTERM, s.SIGXFSZ, s.SIGXCPU):
    s.signal(n, s.SIG_IGN)
s.pthread_sigmask(s.SIG_BLOCK, {s.SIGALRM, s.SIGXFSZ, s.SIGCHLD, s.SIGTERM})
os.execv(sys.argv[1], sys.argv[1:])') ;;
		esac
		case $fname in oom_score | malloc_bomb_oomadj)
			# Start gavel protected from the OOM killer, if this host
			# lets us (lowering needs CAP_SYS_RESOURCE).
			if sh -c 'echo -1000 >/proc/self/oom_score_adj' 2>/dev/null; then
				wrap=(sh -c 'echo -1000 >/proc/self/oom_score_adj && exec "$@"' sh)
			else
				echo "# $name: cannot lower oom_score_adj here; running with the host's"
			fi ;;
		esac
		if [ "$prog" = sched_rt ]; then
			# Hand the box generous real-time and nice limits, if this
			# host lets us (it needs CAP_SYS_RESOURCE).
			wrap=(nice -n -10)
			if prlimit --rtprio=99:99 --nice=40:40 true 2>/dev/null; then
				wrap+=(prlimit --rtprio=99:99 --nice=40:40)
			else
				echo "# sched_rt: cannot raise RLIMIT_RTPRIO/RLIMIT_NICE here; running with the host's"
			fi
		fi
		t0=$(date +%s%N)
		declare -F "pre_$fname" >/dev/null && "pre_$fname"
		if declare -F "custom_$fname" >/dev/null; then
			"custom_$fname"
		else
			run_gavel "$report" "$out" "$err" --dir "$bin=/progs" "${io[@]}" \
			    "${opts[@]}" -- "${argv[@]}" "${args[@]}"
		fi
		t1=$(date +%s%N)
		if [ "$rc" -ne 0 ]; then
			fail "gavel run exited $rc$([ "$rc" = 124 ] && echo ' (hung: killed after 60 s)'): $(tail -c 300 "$report.gavel-stderr" | tr '\n' ' ')"
		fi
		if [ -n "$skip_reason" ]; then st=$expect; code=0; sig=0; fi
		want=${expect%%:*}
		wantn=
		[[ $expect == *:* ]] && wantn=${expect#*:}
		got="$st"
		[ "$st" = exited ] && got="exited:$code"
		[ "$st" = signaled ] && got="signaled:$sig"
		if [ "$st" != "$want" ]; then
			fail "expected $expect, got $got (exit_code $code, signal $sig, cpu_ms $cpu, wall_ms $wall, memory_kb $mem)${msg:+, message: $msg}"
		elif [ "$want" = exited ] && [ "$code" != "$wantn" ]; then
			fail "expected exit code $wantn, got $code"
		elif [ "$want" = signaled ] && [ "$sig" != "$wantn" ]; then
			fail "expected signal $wantn, got $sig"
		elif [ "$want" = ok ] && [ "$code" != 0 ]; then
			fail "status ok with exit_code $code"
		else
			declare -F "$fn" >/dev/null && "$fn"
		fi
		declare -F "post_$fname" >/dev/null && "post_$fname"
		if [ -s "$err" ] && grep -q '^BREACH' "$err"; then
			while read -r l; do fail "program says: $l"; done <<<"$(grep '^BREACH' "$err" | head -8)"
		fi
		host_checks
		wrap=()
		# The next run must be clean.
		run_gavel "$work/reports/clean.json" /dev/null /dev/null \
		    --dir "$bin=/progs" -- /progs/trivial
		if [ "$rc" -ne 0 ] || [ "$st" != ok ]; then
			fail "the next trivial run: gavel exited $rc, status $st ($msg)"
		elif [ "$mem" -lt 1024 ] || [ "$mem" -gt 16384 ]; then
			fail "the next trivial run reports memory_kb $mem (expected 1024..16384)"
		elif [ "$cpu" -gt 500 ]; then
			fail "the next trivial run reports cpu_ms $cpu"
		fi
		host_checks
	fi
	if [ -n "$skip_reason" ]; then
		echo "ok $n - $name # SKIP $skip_reason"
	elif [ ${#fails[@]} -eq 0 ]; then
		echo "ok $n - $name: $expect"
	else
		failures=$((failures + 1))
		echo "not ok $n - $name: expected $expect"
		for l in "${fails[@]}"; do echo "#   $l"; done
		if [ -s "$err" ]; then
			echo "#   program stderr (tail):"
			tail -n 6 "$err" | cut -c1-200 | sed 's/^/#     /'
		fi
	fi
	[ -n "${EVIL_VERBOSE:-}" ] && echo "#   took $(((t1 - t0) / 1000000)) ms; report: $(cat "$report" 2>/dev/null)"
done <<<"$CASES"

echo "# $failures of $n failed; $((($(date +%s%N) - start_time) / 1000000)) ms"
[ "$failures" -eq 0 ]
