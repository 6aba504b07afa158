#!/usr/bin/env python3
"""
tests/integration/server/test_restart.py -- durability of the queue.

200 submissions are queued, the server is killed with SIGKILL while it
judges them and started again on the same SQLite file: every submission
must end `done` with the verdict it would have had. Then SIGTERM while
judging: a clean exit, nothing lost. Prints TAP.
"""
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gavel_http import (AC_PY, RE_PY, SLOW_PY, WA_PY, Server, Tap,  # noqa: E402
                        find_gavel, make_catalog, rmtree, tempdir)

T = Tap()
KINDS = [(AC_PY, "AC"), (WA_PY, "WA"), (RE_PY, "RE"), (AC_PY, "AC")]
ARGS = ["--workers", "2", "--max-queue", "1000", "--max-per-client", "1000",
        "--rescan", "0"]


def wait_all(s, ids, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        st, j = s.get("/api/health")
        if st == 200 and j["queued"] == 0 and j["running"] == 0:
            break
        time.sleep(0.2)
    out = {}
    for i in ids:
        st, j = s.get("/api/submissions/%d" % i)
        out[i] = j if st == 200 else None
    return out


def main():
    gavel = find_gavel()
    work = tempdir("gavel-restart-")
    try:
        problems = make_catalog(os.path.join(work, "problems"))
        db = os.path.join(work, "restart.db")
        s = Server(gavel, work, problems, db=db, args=ARGS,
                   name="restart").start()
        want = {}
        for k in range(200):
            code, verdict = KINDS[k % len(KINDS)]
            st, j = s.submit(code + "# %d\n" % k)
            if st != 202:
                break
            want[j["id"]] = verdict
        T.ok(len(want) == 200, "200 submissions queued (202 each)",
             len(want))
        # Let it judge some, then kill it mid-way.
        deadline = time.time() + 120
        h = {}
        while time.time() < deadline:
            st, h = s.get("/api/health")
            if h["done"] >= 40:
                break
            time.sleep(0.02)
        s.stop(signal.SIGKILL)
        T.ok(40 <= h["done"] < 200,
             "SIGKILL mid-way (%d done, %d running, %d queued)" %
             (h["done"], h["running"], h["queued"]), h)

        s = Server(gavel, work, problems, db=db, args=ARGS,
                   name="restart2").start()
        got = wait_all(s, want, 300)
        log = s.logtext()
        T.ok("re-queued" in log or h["running"] == 0,
             "the restart re-queues interrupted submissions",
             [l for l in log.splitlines() if "queue" in l][:3])
        done = [i for i, j in got.items() if j and j["status"] == "done"]
        T.ok(len(done) == 200, "all 200 end done", len(done))
        wrong = {i: (got[i] and got[i]["verdict"], v)
                 for i, v in want.items()
                 if not got[i] or got[i]["verdict"] != v}
        T.ok(not wrong, "every verdict is the one it would have had",
             list(wrong.items())[:10])
        bad_tests = [i for i, j in got.items()
                     if j and j["verdict"] == "AC" and
                     len(j["tests"]) != j["total_tests"]]
        T.ok(not bad_tests, "re-judged ones have one result per test",
             bad_tests[:10])

        # SIGTERM while judging: clean exit, the rest finishes on restart.
        ids = []
        for k in range(6):
            st, j = s.submit(SLOW_PY + "# slow %d\n" % k)
            ids.append(j["id"])
        time.sleep(0.3)
        t0 = time.time()
        rc = s.stop(signal.SIGTERM)
        took = time.time() - t0
        T.ok(rc == 0 and "stopped cleanly" in s.logtext(),
             "SIGTERM while judging: clean exit in %.1f s" % took, rc)
        s = Server(gavel, work, problems, db=db, args=ARGS,
                   name="restart3").start()
        got = wait_all(s, ids, 120)
        T.ok(all(got[i] and got[i]["verdict"] == "AC" for i in ids),
             "after SIGTERM and restart every submission ends AC",
             {i: got[i] and got[i]["status"] for i in ids})
        T.ok(s.stop(signal.SIGINT) == 0 and
             s.logtext().rstrip().endswith("stopped cleanly"),
             "SIGINT: clean exit at the end")
    except Exception:
        import traceback
        T.ok(False, "the test itself ran to the end", traceback.format_exc())
    finally:
        rmtree(work)
    sys.exit(T.done())


if __name__ == "__main__":
    main()
