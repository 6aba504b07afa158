#!/usr/bin/env python3
"""
tests/integration/server/test_disk.py -- a full disk gets a clear answer
and loses nothing.

The database lives on a small tmpfs that the test fills to the last byte
with a filler file. While it is full: new submissions and registrations
get 503 `storage_full` with Retry-After, reads still work, the server
stays up, and a verdict reached meanwhile is kept in memory and stored as
soon as space is freed (no restart), its live event stream ending with
`done`. A worker retrying such a verdict does not hold up SIGTERM; the
submission is judged again after the restart. Needs root (to mount the
tmpfs): as anyone else, it fails. Prints TAP.
"""
import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gavel_http import (AC_PY, Client, Server, Tap, find_gavel,  # noqa: E402
                        make_catalog, parse, rmtree, tempdir)

T = Tap()
ARGS = ["--workers", "2", "--rescan", "0"]
# About 3 s of judging (12 tests of add-two), almost none of it CPU: time
# to fill the disk while it runs.
SLOWISH_PY = ("import time\n"
              "class Solution:\n"
              "    def add(self, a: int, b: int) -> int:\n"
              "        time.sleep(0.25)\n"
              "        return a + b\n")
OLD_GIVE_UP_S = 6.2  # the 5 tries the queue used to make before dropping
FAIL_LINE = "cannot record the verdict"
STORED_LINE = "verdict recorded after"


def err(j):
    return j.get("error", {}).get("code") if isinstance(j, dict) else None


def fill(path):
    """Write path until the file system has no byte left."""
    with open(path, "ab", buffering=0) as f:
        for size in (1 << 20, 64 << 10, 4096, 512, 64, 8, 1):
            chunk = b"\xa5" * size
            try:
                while True:
                    f.write(chunk)
            except OSError as e:
                if e.errno not in (errno.ENOSPC, errno.EDQUOT):
                    raise
    st = os.statvfs(os.path.dirname(path))
    return st.f_bavail


def wait_for(pred, timeout, step=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return pred()


def status_of(s, sid):
    st, j = s.get("/api/submissions/%d" % sid)
    return j.get("status") if st == 200 else None


def follow(s, sid):
    """Read sid's event stream in a thread; the result lands in box."""
    box = {}

    def run():
        box["st"], box["evs"] = s.events(sid, timeout=120)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, box


def test_full_disk(s, disk):
    filler = os.path.join(disk, "filler")

    st, j = s.submit(AC_PY)
    sid0 = j.get("id") if st == 202 else None
    T.ok(st == 202, "before the disk fills: a submission is 202", (st, j))
    done = s.wait_done(sid0, 60) if sid0 else None
    T.ok(done is not None and done["verdict"] == "AC",
         "... and ends done AC", done)

    left = fill(filler)
    T.ok(left == 0, "the tmpfs under the database is full", left)

    body = {"problem": "add-two", "language": "python3", "code": AC_PY}
    st, h, data = s.request("POST", "/api/submissions",
                            body=json.dumps(body).encode(),
                            headers={"Content-Type": "application/json"})
    j = parse(data)
    T.ok(st == 503 and err(j) == "storage_full" and
         "disk is full" in j["error"]["message"],
         "full disk: POST /api/submissions is 503 storage_full", (st, j))
    T.ok(h.get("retry-after", "").isdigit() and
         int(h["retry-after"]) > 0, "... with Retry-After", h)

    c = Client(s)
    st, j = c.login("newcomer", "password1", path="/api/auth/register")
    T.ok(st == 503 and err(j) == "storage_full",
         "full disk: register is 503 storage_full", (st, j))

    st, j = s.get("/api/submissions/%d" % sid0)
    T.ok(st == 200 and j["status"] == "done" and j["verdict"] == "AC" and
         len(j["tests"]) == j["total_tests"],
         "full disk: the earlier submission still reads 200, AC", (st, j))
    st, j = s.get("/api/health")
    T.ok(st == 200 and j["status"] == "ok", "full disk: /api/health 200", j)
    T.ok(j.get("storage") == "full",
         "full disk: /api/health says \"storage\": \"full\"", j)
    T.ok(s.proc.poll() is None, "full disk: the server is alive")

    os.unlink(filler)
    st, j = s.submit(AC_PY + "# after\n")
    sid1 = j.get("id") if st == 202 else None
    T.ok(st == 202, "space freed: a submission is 202 again", (st, j))
    done = s.wait_done(sid1, 60) if sid1 else None
    T.ok(done is not None and done["verdict"] == "AC",
         "... and ends done AC", done)
    st, j = s.get("/api/health")
    T.ok(st == 200 and j.get("storage") == "ok",
         "space freed: /api/health says \"storage\": \"ok\"", j)
    st, j = c.login("newcomer", "password1", path="/api/auth/register")
    T.ok(st == 201, "space freed: register is 201", (st, j))
    return [sid0, sid1]


def test_judging_when_full(s, disk):
    filler = os.path.join(disk, "filler")

    st, j = s.submit(SLOWISH_PY)
    T.ok(st == 202, "a slow-ish submission is queued", (st, j))
    sid = j["id"]
    stream, box = follow(s, sid)
    T.ok(wait_for(lambda: status_of(s, sid) == "running", 30),
         "it is being judged", status_of(s, sid))
    fill(filler)
    T.ok(wait_for(lambda: FAIL_LINE in s.logtext(), 60, 0.2),
         "the disk fills before its verdict is stored; the server says so",
         s.logtext()[-2000:])
    time.sleep(OLD_GIVE_UP_S + 1)
    st, j = s.get("/api/submissions/%d" % sid)
    T.ok(st == 200 and j["status"] == "running",
         "%.0f s later (past the old give-up) it is still running, "
         "verdict held" % (OLD_GIVE_UP_S + 1), (st, j))
    T.ok(stream.is_alive(), "its event stream is still open")

    os.unlink(filler)
    done = s.wait_done(sid, 30)
    T.ok(done is not None and done["verdict"] == "AC" and
         len(done["tests"]) == done["total_tests"],
         "space freed: it ends done AC with no restart", done)
    stream.join(30)
    evs = box.get("evs") or []
    T.ok(box.get("st") == 200 and evs and evs[-1][0] == "done" and
         evs[-1][1].get("verdict") == "AC",
         "the live event stream got \"done\" with AC",
         (box.get("st"), [e for e, _ in evs]))
    log = s.logtext()
    T.ok(log.count(FAIL_LINE) == 1 and log.count(STORED_LINE) == 1,
         "logged once when it started failing, once when stored",
         [l for l in log.splitlines()
          if FAIL_LINE in l or STORED_LINE in l])
    T.ok("NOT RECORDED" not in log, "nothing was dropped")
    return sid


def test_stop_while_retrying(s, disk):
    """SIGTERM with a worker retrying: a prompt clean exit; the
    submission is judged again at the next start."""
    filler = os.path.join(disk, "filler")

    st, j = s.submit(SLOWISH_PY + "# stop\n")
    sid = j["id"]
    T.ok(wait_for(lambda: status_of(s, sid) == "running", 30),
         "another slow-ish submission is being judged")
    before = s.logtext().count(FAIL_LINE)
    fill(filler)
    T.ok(wait_for(lambda: s.logtext().count(FAIL_LINE) > before, 60, 0.2),
         "the disk fills before it is stored")
    time.sleep(3)  # into the capped backoff
    t0 = time.time()
    rc = s.stop(signal.SIGTERM)
    took = time.time() - t0
    log = s.logtext()
    T.ok(rc == 0 and "stopped cleanly" in log and took < 5,
         "SIGTERM while a worker retries: clean exit in %.1f s" % took,
         (rc, log[-1500:]))
    T.ok("NOT RECORDED" in log,
         "the verdict it held is left for the restart (logged)")
    os.unlink(filler)
    return sid


def main():
    if os.geteuid() != 0:
        print("1..1\nnot ok 1 - test_disk needs root to mount a tmpfs "
              "(CI runs as root)", flush=True)
        sys.exit(1)
    gavel = find_gavel()
    work = tempdir("gavel-disk-")
    disk = os.path.join(work, "disk")
    os.makedirs(disk)
    mounted = False
    s = None
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755",
                        "tmpfs", disk], check=True)
        mounted = True
        problems = make_catalog(os.path.join(work, "problems"))
        db = os.path.join(disk, "gavel.db")
        s = Server(gavel, work, problems, db=db, args=ARGS,
                   name="disk").start()
        ids = test_full_disk(s, disk)
        ids.append(test_judging_when_full(s, disk))
        slow2 = test_stop_while_retrying(s, disk)

        s = Server(gavel, work, problems, db=db, args=ARGS,
                   name="disk2").start()
        done = s.wait_done(slow2, 60)
        T.ok(done is not None and done["verdict"] == "AC",
             "after the restart the interrupted one ends AC", done)
        st, j = s.submit(AC_PY + "# last\n")
        done = s.wait_done(j["id"], 60) if st == 202 else None
        T.ok(done is not None and done["verdict"] == "AC",
             "a new submission is 202 and ends AC", (st, done))
        got = {i: s.get("/api/submissions/%d" % i)[1] for i in ids}
        T.ok(all(g.get("status") == "done" and g.get("verdict") == "AC"
                 for g in got.values()),
             "everything from before is intact",
             {i: (g.get("status"), g.get("verdict"))
              for i, g in got.items()})
        st, j = Client(s).login("newcomer", "password1")
        T.ok(st == 200, "the user registered after the disk freed logs in",
             (st, j))
        st, j = s.get("/api/health")
        T.ok(st == 200 and j["queued"] == 0 and j["running"] == 0,
             "nothing left queued or running", j)
        T.ok(s.stop() == 0, "clean exit at the end")
        s = None
    except Exception:
        import traceback
        T.ok(False, "the test itself ran to the end", traceback.format_exc())
    finally:
        if s is not None:
            s.stop(signal.SIGKILL)
        if mounted:
            subprocess.run(["umount", "-l", disk])
        rmtree(work)
    sys.exit(T.done())


if __name__ == "__main__":
    main()
