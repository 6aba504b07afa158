#!/usr/bin/env python3
"""
bench/server_load.py -- load client for `gavel serve` (see server.sh).

Starts a real `gavel serve` on 127.0.0.1 (random port, temp SQLite file)
with a Python function problem of 50 tests, then measures:
  1. idle latency: one submission at a time, from just before the POST to
     the `done` event on its SSE stream (p50, p99, mean);
  2. sustained throughput: a burst of submissions queued at once by
     several clients, judged to the end: submissions per second, and the
     POST-to-done latency under that load.
It acts as one logged-in user with an API token (gavel_http.Server makes
it), with the per-user rate limits off (--rate-runs 0
--rate-submissions 0), so what it measures is the server, not the limits.
Python 3 standard library only.
"""
import argparse
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration", "server"))
from gavel_http import (AC_PY, Server, make_function_problem,  # noqa: E402
                        rmtree, tempdir)


def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


def one(s, code):
    """POST, follow the event stream to done; (ms, verdict)."""
    t0 = time.perf_counter()
    st, j = s.submit(code, problem="bench-add")
    if st != 202:
        return None, "HTTP %d" % st
    _, evs = s.events(j["id"])
    ms = (time.perf_counter() - t0) * 1000
    return ms, evs[-1][1]["verdict"] if evs else "no events"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gavel")
    ap.add_argument("--idle", type=int, default=100,
                    help="sequential submissions for idle latency")
    ap.add_argument("--burst", type=int, default=400,
                    help="submissions queued at once for throughput")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=0,
                    help="judge workers (default: one per core)")
    a = ap.parse_args()

    work = tempdir("gavel-bench-")
    try:
        problems = os.path.join(work, "problems")
        # 3 samples + 47 hidden = 50 tests, all judged on accept.
        make_function_problem(problems, "bench-add", "Bench Add", "Easy",
                              ["Math"], "add",
                              [(i, 2 * i) for i in range(3)],
                              [(i * 7919 % 100003, i) for i in range(47)])
        args = ["--rescan", "0", "--max-queue", "100000",
                "--max-per-client", "100000"]
        if a.workers:
            args += ["--workers", str(a.workers)]
        s = Server(os.path.abspath(a.gavel), work, problems, args=args,
                   name="bench").start()
        try:
            # Warm-up: the judge's caches, the page cache.
            for _ in range(5):
                one(s, AC_PY)
            lat, bad = [], 0
            for k in range(a.idle):
                ms, v = one(s, AC_PY + "# %d\n" % k)
                if v != "AC":
                    bad += 1
                if ms is not None:
                    lat.append(ms)
            print("idle latency, POST to final verdict (%d submissions, 50 "
                  "tests each): p50 %.1f ms, p99 %.1f ms, mean %.1f ms, "
                  "min %.1f ms%s" %
                  (len(lat), pct(lat, 50), pct(lat, 99), statistics.mean(lat),
                   min(lat), "" if not bad else " (%d not AC!)" % bad))

            # Burst: several clients post their share as fast as they can.
            posted = {}
            lock = threading.Lock()
            per = a.burst // a.clients

            def client(c):
                for k in range(per):
                    t = time.perf_counter()
                    st, j = s.submit(AC_PY + "# b %d %d\n" % (c, k),
                                     problem="bench-add")
                    if st == 202:
                        with lock:
                            posted[j["id"]] = t
            cpu0 = proc_cpu(s.proc.pid)
            t0 = time.perf_counter()
            ths = [threading.Thread(target=client, args=(c,))
                   for c in range(a.clients)]
            for t in ths:
                t.start()
            for t in ths:
                t.join()
            t_posted = time.perf_counter() - t0
            while True:
                st, h = s.get("/api/health")
                if h["queued"] == 0 and h["running"] == 0:
                    break
                time.sleep(0.02)
            total = time.perf_counter() - t0
            cpu1 = proc_cpu(s.proc.pid)
            # Per-submission latency from the server's own timestamps.
            lat2, verdicts = [], {}
            for sid in posted:
                st, j = s.get("/api/submissions/%d" % sid)
                verdicts[j["verdict"]] = verdicts.get(j["verdict"], 0) + 1
                ct = j["created_at"]
                ft = j["finished_at"]
                lat2.append(iso_ms(ft) - iso_ms(ct))
            n = len(posted)
            print("sustained: %d submissions from %d clients posted in "
                  "%.2f s, all judged in %.2f s: %.1f submissions/s "
                  "(verdicts %s)" % (n, a.clients, t_posted, total,
                                     n / total, verdicts))
            if cpu0 and cpu1:
                print("CPU per submission: server process %.1f ms, judged "
                      "programs and sandboxes %.1f ms" %
                      ((cpu1[0] - cpu0[0]) / n * 1000,
                       (cpu1[1] - cpu0[1]) / n * 1000))
            print("under load, created to finished: p50 %.0f ms, p99 %.0f ms"
                  % (pct(lat2, 50), pct(lat2, 99)))
            st, h = s.get("/api/health")
            print("server: %d workers" % h["workers"])
        finally:
            s.stop()
    finally:
        rmtree(work)


def proc_cpu(pid):
    """(own, reaped children) CPU seconds of a process, from /proc."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        hz = os.sysconf("SC_CLK_TCK")
        return ((int(fields[11]) + int(fields[12])) / hz,
                (int(fields[13]) + int(fields[14])) / hz)
    except (OSError, IndexError, ValueError):
        return None


def iso_ms(t):
    # 2026-11-25T19:28:13.017Z
    import calendar
    base = calendar.timegm(time.strptime(t[:19], "%Y-%m-%dT%H:%M:%S"))
    return base * 1000 + int(t[20:23])


if __name__ == "__main__":
    main()
