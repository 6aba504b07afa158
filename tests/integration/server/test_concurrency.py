#!/usr/bin/env python3
"""
tests/integration/server/test_concurrency.py -- 100 submissions posted at
once by 10 clients (threads with their own connections, started together),
with event streams open, all judged correctly. Prints TAP.
"""
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gavel_http import (AC_PY, RE_PY, WA_PY, Server, Tap, find_gavel,  # noqa: E402
                        make_catalog, rmtree, tempdir)

T = Tap()
KINDS = [(AC_PY, "AC"), (WA_PY, "WA"), (AC_PY, "AC"), (RE_PY, "RE")]
CLIENTS = 10
EACH = 10


def main():
    gavel = find_gavel()
    work = tempdir("gavel-conc-")
    try:
        problems = make_catalog(os.path.join(work, "problems"))
        s = Server(gavel, work, problems, args=["--rescan", "0"],
                   name="concurrency").start()
        barrier = threading.Barrier(CLIENTS)
        want, statuses, lock = {}, [], threading.Lock()
        streams = {}

        def client(c):
            barrier.wait()
            for k in range(EACH):
                code, verdict = KINDS[(c + k) % len(KINDS)]
                prob = "add-two" if k % 2 else "add-more"
                st, j = s.submit(code + "# client %d sub %d\n" % (c, k),
                                 problem=prob)
                with lock:
                    statuses.append(st)
                    if st == 202:
                        want[j["id"]] = verdict
                # Every third one is followed live.
                if st == 202 and k % 3 == 0:
                    streams[j["id"]] = s.events(j["id"])

        t0 = time.time()
        ths = [threading.Thread(target=client, args=(c,))
               for c in range(CLIENTS)]
        for t in ths:
            t.start()
        for t in ths:
            t.join()
        T.ok(statuses.count(202) == CLIENTS * EACH,
             "%d submissions from %d clients at once: all 202" %
             (CLIENTS * EACH, CLIENTS),
             {x: statuses.count(x) for x in set(statuses)})
        got = {}
        for i in want:
            got[i] = s.wait_done(i, timeout=300)
        took = time.time() - t0
        T.ok(all(got[i] is not None for i in want), "all end done")
        wrong = {i: (got[i] and got[i]["verdict"], v)
                 for i, v in want.items()
                 if not got[i] or got[i]["verdict"] != v}
        T.ok(not wrong, "all judged correctly (%.1f s for %d)" %
             (took, len(want)), list(wrong.items())[:10])
        T.ok(len(set(want)) == len(want), "ids are unique")
        # A stream opened after judging ended gets `done` alone.
        ok_streams = [i for i, (st, evs) in streams.items()
                      if st == 200 and evs and
                      evs[0][0] in ("queued", "done") and
                      evs[-1][0] == "done" and
                      evs[-1][1]["verdict"] == want[i]]
        bad = {i: [e[0] for e in evs] for i, (st, evs) in streams.items()
               if i not in ok_streams}
        T.ok(len(ok_streams) == len(streams) and streams,
             "%d live event streams: queued first (or done alone), done "
             "last with the verdict" % len(streams), bad)
        st, h = s.get("/api/health")
        T.ok(st == 200 and h["queued"] == 0 and h["running"] == 0 and
             h["done"] == len(want), "the queue is empty at the end", h)
        T.ok(s.stop() == 0, "clean exit")
        judged = [l for l in s.logtext().splitlines() if "judged #" in l]
        T.ok(len(judged) == len(want),
             "each submission judged exactly once", len(judged))
    except Exception:
        import traceback
        T.ok(False, "the test itself ran to the end", traceback.format_exc())
    finally:
        rmtree(work)
    sys.exit(T.done())


if __name__ == "__main__":
    main()
