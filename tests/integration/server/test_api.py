#!/usr/bin/env python3
"""
tests/integration/server/test_api.py -- every endpoint of `gavel serve`
and every kind of bad input, over real HTTP on 127.0.0.1 against a real
SQLite file, with a fixture catalog and a fake built UI. Prints TAP.

usage: GAVEL=build/src/gavel test_api.py
"""
import json
import os
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gavel_http import (AC_PY, BURN_PY, make_function_problem, CE_PY, RE_PY, SECRET_MARK, SLOW_PY, WA_PY,  # noqa: E402
                        Server, Tap, find_gavel, make_catalog, make_web,
                        rmtree, tempdir, write)

T = Tap()


def no_secret(obj):
    return str(SECRET_MARK) not in json.dumps(obj)


def test_read_endpoints(s):
    st, j = s.get("/api/health")
    T.ok(st == 200 and j["status"] == "ok" and j["schema"] >= 1,
         "GET /api/health", j)

    st, j = s.get("/api/languages")
    ids = [l["id"] for l in j] if st == 200 else []
    T.ok(st == 200 and "python3" in ids and "cpp" in ids and
         all({"id", "name", "version", "monaco", "function"} <= set(l)
             for l in j) and
         [l["function"] for l in j if l["id"] == "python3"] == [True],
         "GET /api/languages lists python3 and cpp with their fields", j)

    st, j = s.get("/api/problems")
    slugs = sorted(p["slug"] for p in j) if st == 200 else []
    T.ok(st == 200 and slugs == ["add-more", "add-two"],
         "GET /api/problems lists the catalog (and skips _lib)", j)
    p = [x for x in j if x["slug"] == "add-two"][0] if slugs else {}
    T.ok({"slug", "title", "difficulty", "tags", "kind", "accepted",
          "submissions", "acceptance"} <= set(p) and p["tags"] == ["Math"],
         "problem summaries carry title, difficulty, tags, figures", p)

    cases = [("q=more", ["add-more"]), ("q=ADD", ["add-more", "add-two"]),
             ("difficulty=medium", ["add-more"]), ("tag=array", ["add-more"]),
             ("tag=Math&difficulty=Easy", ["add-two"]), ("q=%25", []),
             ("q=_", []), ("q=%27%20OR%201%3D1%20--", []),
             ("tag=x%27%3B%20DROP%20TABLE%20problems%3B--", [])]
    for q, want in cases:
        st, j = s.get("/api/problems?" + q)
        got = sorted(x["slug"] for x in j) if st == 200 else None
        T.ok(got == want, "GET /api/problems?%s filters to %s" % (q, want),
             j)
    st, j = s.get("/api/problems?q=" + "a" * 101)
    T.ok(st == 400, "an over-long filter is 400", j)

    st, j = s.get("/api/problems/add-two")
    T.ok(st == 200 and j["statement"].startswith("# Add Two") and
         "python3" in j["starter"] and j["signature"]["name"] == "add" and
         j["limits"] == {"time_ms": 2000, "memory_mb": 256},
         "GET /api/problems/{slug}: statement, signature, starter, limits", j)
    T.ok(st == 200 and [(x["input"], x["answer"]) for x in j["samples"]] ==
         [("1\n2\n", "3\n"), ("5\n7\n", "12\n")],
         "problem has its sample tests", j.get("samples"))
    T.ok(no_secret(j), "problem never shows a hidden test")

    for path, code in (("/api/problems/nope", 404),
                       ("/api/problems/Add-Two", 404),
                       ("/api/problems/..%2f..%2fetc%2fpasswd", 404),
                       ("/api/problems/add-two/extra", 404),
                       ("/api/nothing", 404), ("/api", 404)):
        st, j = s.get(path)
        T.ok(st == code and j.get("error", {}).get("code") == "not_found",
             "GET %s is %d not_found" % (path, code), j)


def test_run(s):
    st, j = s.post("/api/run", {"problem": "add-two", "language": "python3",
                                "code": AC_PY})
    T.ok(st == 200 and j["verdict"] == "AC" and len(j["cases"]) == 2 and
         j["cases"][0]["expected"].strip() == "3" and
         j["cases"][0]["output"].strip() == "3" and
         j["cases"][0]["input"] == "1\n2\n",
         "POST /api/run on the samples: AC, output and expected per case", j)
    st, j = s.post("/api/run", {"problem": "add-two", "language": "python3",
                                "code": AC_PY, "input": "10\n20\n"})
    T.ok(st == 200 and len(j.get("cases", [])) == 1 and
         j["cases"][0]["output"].strip() == "30" and
         j["cases"][0]["expected"] is None,
         "POST /api/run with custom input runs that one case", j)
    st, j = s.post("/api/run", {"problem": "add-two", "language": "python3",
                                "code": WA_PY})
    T.ok(st == 200 and j["verdict"] == "WA" and
         j["cases"][0]["verdict"] == "WA",
         "POST /api/run of a wrong solution: WA", j)
    st, j = s.post("/api/run", {"problem": "add-two", "language": "python3",
                                "code": CE_PY})
    T.ok(st == 200 and j["verdict"] == "CE" and j["compile_output"],
         "POST /api/run of a syntax error: CE with compile output", j)
    bytes_py = ("import sys\n"
                "class Solution:\n"
                "    def add(self, a: int, b: int) -> int:\n"
                "        sys.stdout.buffer.write(b'\\xff\\xfe ok\\n')\n"
                "        sys.stdout.flush()\n"
                "        return a + b\n")
    st, j = s.post("/api/run", {"problem": "add-two", "language": "python3",
                                "code": bytes_py})
    T.ok(st == 200 and j["verdict"] == "AC" and
         "ok" in (j["cases"][0]["stdout"] or ""),
         "a program printing bytes that are not UTF-8: shown, made valid",
         j)
    st, j = s.get("/api/submissions")
    T.ok(st == 200 and j["submissions"] == [], "runs are not stored", j)


def test_submissions(s):
    st, j = s.submit(AC_PY)
    T.ok(st == 202 and j["status"] == "queued" and j["id"] >= 1,
         "POST /api/submissions answers 202 queued with an id", j)
    ac_id = j.get("id", 0)
    d = s.wait_done(ac_id)
    T.ok(d is not None and d["verdict"] == "AC" and d["code"] == AC_PY and
         d["total_tests"] == 12 and len(d["tests"]) == 12 and
         d["failed_test"] is None and
         all({"verdict", "cpu_ms", "wall_ms", "memory_kb"} == set(t)
             for t in d["tests"]),
         "GET /api/submissions/{id}: done, AC, per-test results", d)
    T.ok(d is not None and isinstance(d["beats"], dict) and
         0 <= d["beats"]["time"] <= 100 and 0 <= d["beats"]["memory"] <= 100,
         "an accepted submission has beats figures", d and d.get("beats"))
    T.ok(d is not None and no_secret(d),
         "a submission never shows hidden test data")
    T.ok(d is not None and d["created_at"].endswith("Z") and
         d["cpu_ms"] is not None and d["memory_kb"] is not None,
         "submission has timestamps, time and memory",
         d and {k: d[k] for k in ("created_at", "cpu_ms", "memory_kb")})

    st, j = s.submit(WA_PY)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["verdict"] == "WA" and d["failed_test"] == 1 and
         d["beats"] is None,
         "a wrong answer: WA on test 1, no beats", d)
    st, j = s.submit(RE_PY)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["verdict"] == "RE" and
         "boom" in (d["message"] or ""),
         "a runtime error: RE with its error text", d)
    st, j = s.submit(CE_PY)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["verdict"] == "CE" and d["compile_output"],
         "a syntax error: CE with compile output", d)

    # A second accepted submission: beats compares against the first.
    st, j = s.submit(BURN_PY)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["verdict"] == "AC" and
         d["beats"]["time"] == 0.0,
         "beats: the slower of two accepted submissions beats 0 % on time",
         d and d.get("beats"))
    st, d = s.get("/api/submissions/%d" % ac_id)
    T.ok(st == 200 and d["beats"]["time"] == 100.0,
         "beats: the faster one beats 100 %", d.get("beats"))

    st, j = s.get("/api/problems")
    p = [x for x in j if x["slug"] == "add-two"][0]
    T.ok(p["accepted"] == 2 and p["submissions"] == 5 and
         abs(p["acceptance"] - 0.4) < 1e-9,
         "acceptance figures count judged submissions", p)

    for path in ("/api/submissions/999999", "/api/submissions/0",
                 "/api/submissions/-1", "/api/submissions/abc",
                 "/api/submissions/1e3", "/api/submissions/99999999999999999999",
                 "/api/submissions/999999/events"):
        st, j = s.get(path)
        T.ok(st == 404, "GET %s is 404" % path, j)


def test_events(s):
    # Slow solutions, so that the stream opens before judging ends.
    st, j = s.submit(SLOW_PY)
    status, evs = s.events(j["id"])
    names = [e[0] for e in evs]
    tests = [e[1] for e in evs if e[0] == "test"]
    T.ok(status == 200 and names[:2] == ["queued", "compiling"] and
         names[-1] == "done" and
         names[2:-1] == ["test"] * len(names[2:-1]),
         "SSE order: queued, compiling, test..., done", names)
    T.ok(len(tests) == 12 and [t["index"] for t in tests] ==
         list(range(1, 13)) and all(t["total"] == 12 and
                                     t["verdict"] == "AC" for t in tests),
         "SSE: one test event per test, k of n, with verdicts", tests[:3])
    done = evs[-1][1] if evs else {}
    st, d = s.get("/api/submissions/%d" % j["id"])
    T.ok(done.get("verdict") == "AC" and done.get("id") == j["id"] and
         done.get("tests") == d.get("tests"),
         "SSE done carries the submission as GET shows it", done)
    status, evs = s.events(j["id"])
    T.ok(status == 200 and [e[0] for e in evs] == ["done"],
         "SSE after the fact: done at once", [e[0] for e in evs])
    T.ok(all(no_secret(e[1]) for e in evs), "SSE never shows hidden data")

    # Joining mid-way replays what happened so far, in order.
    st, j = s.submit(SLOW_PY)
    time.sleep(0.35)
    status, evs = s.events(j["id"])
    names = [e[0] for e in evs]
    T.ok(names[:2] == ["queued", "compiling"] and names[-1] == "done" and
         [e[1]["index"] for e in evs if e[0] == "test"] ==
         list(range(1, 13)),
         "SSE joined while judging: the events so far, then the rest",
         names)

    # A stream that waits longer than the idle timeout stays open.
    ids = [s.submit(SLOW_PY + "# wait %d\n" % k)[1]["id"] for k in range(12)]
    t0 = time.time()
    status, evs = s.events(ids[-1])
    took = time.time() - t0
    T.ok(status == 200 and [e[0] for e in evs][0] == "queued" and
         evs[-1][0] == "done" and took > 3,
         "SSE waiting %.1f s (over the %d s idle timeout) still ends with "
         "done" % (took, 3), [e[0] for e in evs])

    # A wrong answer stops at the first failure.
    st, j = s.submit(SLOW_PY.replace("return a + b", "return a - b")
                     .replace("0.05", "0.3"))
    status, evs = s.events(j["id"])
    names = [e[0] for e in evs]
    T.ok(names == ["queued", "compiling", "test", "done"] and
         evs[2][1]["verdict"] == "WA" and evs[3][1]["verdict"] == "WA",
         "SSE of a WA: one failing test, then done", names)

    # Headers of the stream.
    c = s.conn()
    c.request("GET", "/api/submissions/%d/events" % j["id"],
              headers=s.headers)
    r = c.getresponse()
    ct = r.getheader("Content-Type")
    r.read()
    c.close()
    T.ok(ct == "text/event-stream", "SSE content type", ct)


def test_history(s):
    ids = []
    for i in range(7):
        st, j = s.submit(AC_PY if i % 2 else WA_PY, problem="add-more")
        ids.append(j["id"])
    for i in ids:
        s.wait_done(i)
    seen, before, pages = [], None, 0
    while True:
        q = "/api/submissions?problem=add-more&limit=3"
        if before:
            q += "&before=%d" % before
        st, j = s.get(q)
        if st != 200:
            break
        pages += 1
        seen += [x["id"] for x in j["submissions"]]
        if j["next_before"] is None or pages > 10:
            break
        before = j["next_before"]
    T.ok(seen == sorted(ids, reverse=True) and pages == 3,
         "history pages newest first, without gaps or repeats", (seen, ids))
    st, j = s.get("/api/submissions?problem=add-more&limit=7")
    T.ok(len(j["submissions"]) == 7 and j["next_before"] is None,
         "an exactly full last page says there is no next one", j)
    st, j = s.get("/api/submissions?problem=add-more&limit=6")
    T.ok(len(j["submissions"]) == 6 and j["next_before"] == ids[1],
         "next_before is the last id shown", j["next_before"])
    st, j = s.get("/api/submissions?problem=add-more&limit=3")
    row = j["submissions"][0]
    T.ok(set(row) >= {"id", "problem", "language", "verdict", "status",
                      "cpu_ms", "memory_kb", "created_at"} and
         "code" not in row and "tests" not in row,
         "history rows: id, problem, language, verdict, time, memory, "
         "timestamp; no code", row)
    st, j = s.get("/api/submissions?limit=100")
    T.ok(st == 200 and len(j["submissions"]) > 7 and
         {x["problem"] for x in j["submissions"]} == {"add-two", "add-more"},
         "history without a problem lists every problem")
    st, j = s.get("/api/submissions?problem=nope")
    T.ok(st == 200 and j == {"submissions": [], "next_before": None},
         "history of an unknown problem is empty", j)
    for q in ("limit=0", "limit=101", "limit=abc", "limit=-5", "before=-1",
              "before=x", "limit=1.5", "problem=..%2Fetc",
              "problem=%27%3B%20DROP%20TABLE%20submissions%3B--"):
        st, j = s.get("/api/submissions?" + q)
        T.ok(st == 400 and j["error"]["code"] == "bad_request",
             "history with %s is 400" % q, j)


def test_bad_input(s, cfg):
    good = {"problem": "add-two", "language": "python3", "code": AC_PY}

    def post_raw(path, body, ctype="application/json", extra=None):
        h = {"Content-Type": ctype} if ctype else {}
        h.update(extra or {})
        st, _, data = s.request("POST", path, body=body, headers=h)
        try:
            return st, json.loads(data)
        except ValueError:
            return st, {"_raw": data}

    for path in ("/api/submissions", "/api/run"):
        cases = [
            ("malformed JSON", b'{"problem": "add-two",', 400, "bad_request"),
            ("an empty body", b"", 400, "bad_request"),
            ("a JSON array", b"[1, 2]", 400, "bad_request"),
            ("a JSON string", b'"code"', 400, "bad_request"),
            ("invalid UTF-8", b'{"problem":"add-two","language":"python3",'
                              b'"code":"\xff\xfe"}', 400, "bad_request"),
            ("a raw NUL byte", b'{"problem":"add-two","language":"python3",'
                               b'"code":"a\x00b"}', 400, "bad_request"),
            ("an escaped NUL", json.dumps(dict(good, code="x\u0000y"))
             .encode(), 400, "bad_request"),
            ("a wrong type (problem 5)", json.dumps(dict(good, problem=5))
             .encode(), 400, "bad_request"),
            ("a wrong type (code list)", json.dumps(dict(good, code=[1]))
             .encode(), 400, "bad_request"),
            ("a null code", json.dumps(dict(good, code=None)).encode(), 400,
             "bad_request"),
            ("a missing code", json.dumps({"problem": "add-two",
                                            "language": "python3"}).encode(),
             400, "bad_request"),
            ("a missing problem", json.dumps({"language": "python3",
                                               "code": "x"}).encode(), 400,
             "bad_request"),
            ("an unknown field", json.dumps(dict(good, extra=1)).encode(),
             400, "bad_request"),
            ("a duplicate key", b'{"problem":"add-two","problem":"x",'
                                b'"language":"python3","code":"x"}', 400,
             "bad_request"),
            ("empty code", json.dumps(dict(good, code="")).encode(), 400,
             "bad_request"),
            ("an unknown problem", json.dumps(dict(good, problem="nope"))
             .encode(), 422, "invalid"),
            ("a SQL-looking problem", json.dumps(dict(
                good, problem="x'; DROP TABLE submissions; --")).encode(),
             422, "invalid"),
            ("a traversal problem", json.dumps(dict(
                good, problem="../../etc/passwd")).encode(), 422, "invalid"),
            ("an unknown language", json.dumps(dict(good, language="cobol"))
             .encode(), 422, "invalid"),
            ("an unknown language cut mid-character in the message",
             json.dumps(dict(good, language="a" + "\u00e9" * 40)).encode(),
             422, "invalid"),
            ("C on a function problem", json.dumps(dict(
                good, language="c", code="int main(){}")).encode(), 422,
             "invalid"),
            ("code over the cap", json.dumps(dict(
                good, code="#" * (cfg["max_code"] + 1))).encode(), 413,
             "too_large"),
            ("a body over the cap", json.dumps(dict(
                good, code="#" * (4 * cfg["max_code"]))).encode(), 413,
             "too_large"),
        ]
        for name, body, want, code in cases:
            st, j = post_raw(path, body)
            T.ok(st == want and j.get("error", {}).get("code") == code and
                 j["error"].get("message"),
                 "POST %s with %s: %d %s" % (path, name, want, code), (st, j))
        st, j = post_raw(path, json.dumps(good).encode(), ctype="text/plain")
        T.ok(st == 415 and j["error"]["code"] == "unsupported_media_type",
             "POST %s as text/plain: 415" % path, (st, j))

    st, j = post_raw("/api/run", json.dumps(dict(
        good, input="1\n" * (cfg["max_input"]))).encode())
    T.ok(st == 413 and j["error"]["code"] == "too_large",
         "custom input over the cap: 413", (st, j))
    st, j = post_raw("/api/submissions", json.dumps(good).encode(),
                     ctype="application/json; charset=utf-8")
    T.ok(st == 202, "application/json with a charset is accepted", (st, j))
    st, j = post_raw("/api/submissions", json.dumps(good).encode(),
                     ctype=None)
    T.ok(st == 202, "a body without Content-Type is taken as JSON", (st, j))

    # A chunked body that outgrows the cap: 413 (or a closed connection).
    big = json.dumps(dict(good, code="#" * (3 * cfg["max_code"]))).encode()
    head = (b"POST /api/submissions HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: " + s.headers["Authorization"].encode() +
            b"\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(big[i:i + 8192]),
                                         big[i:i + 8192])
                      for i in range(0, len(big), 8192)) + b"0\r\n\r\n"
    out = s.raw(head + chunks)
    T.ok(out.startswith(b"HTTP/1.1 413") or out == b"",
         "an oversized chunked body: 413 or closed", out[:100])

    # SQL-looking code is data: stored and returned byte for byte.
    sql = ("# '); DROP TABLE submissions; --\n# \" OR 1=1; "
           "UPDATE submissions SET verdict='AC';\n" + AC_PY)
    st, j = s.submit(sql)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["code"] == sql and d["verdict"] == "AC",
         "SQL-looking code is stored verbatim and judged", d)
    uni = "# héllo ✓ 𝄞\n" + AC_PY
    st, j = s.submit(uni)
    d = s.wait_done(j["id"]) if st == 202 else None
    T.ok(d is not None and d["code"] == uni,
         "non-ASCII UTF-8 code round-trips", d and d["code"])

    # Methods.
    for m, path, allow in (("DELETE", "/api/submissions", "GET, HEAD, POST"),
                           ("PUT", "/api/problems/add-two", "GET, HEAD"),
                           ("GET", "/api/run", "POST"),
                           ("POST", "/api/problems", "GET, HEAD"),
                           ("POST", "/index.html", "GET, HEAD")):
        st, h, data = s.request(m, path)
        T.ok(st == 405 and h.get("allow") == allow and
             json.loads(data)["error"]["code"] == "method_not_allowed",
             "%s %s: 405 with Allow: %s" % (m, path, allow), (st, h))

    # Garbage on the wire.
    out = s.raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\0" * 64
                + b"\r\n\r\n", read_timeout=5)
    T.ok(out == b"" or out.startswith(b"HTTP/1.1 400"),
         "a TLS hello on the HTTP port: 400 or closed", out[:80])
    out = s.raw(b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " +
                b"a" * 200000 + b"\r\n\r\n", read_timeout=5)
    T.ok(out == b"" or out.split(b" ")[1][:1] == b"4",
         "a 200 KB header: 4xx or closed", out[:80])
    # Random bodies and mutations of a good one: always a 4xx, never a
    # crash or a 5xx.
    import random
    rnd = random.Random(4242)
    base = json.dumps(good).encode()
    codes = set()
    for i in range(300):
        if i % 3 == 0:
            body = bytes(rnd.randrange(256) for _ in range(rnd.randrange(64)))
        else:
            b = bytearray(base)
            for _ in range(rnd.randrange(1, 6)):
                b[rnd.randrange(len(b))] = rnd.randrange(256)
            body = bytes(b)
        st, j = post_raw("/api/run" if i % 2 else "/api/submissions", body)
        codes.add(st)
    T.ok(codes <= {200, 202, 400, 413, 415, 422},
         "300 random and mutated bodies: only clear answers", codes)
    st, j = s.get("/api/health")
    T.ok(st == 200, "the server keeps serving after bad input", j)


def test_static(s):
    st, h, data = s.request("GET", "/")
    T.ok(st == 200 and b"<div id=root>" in data and
         h["content-type"].startswith("text/html") and
         h["cache-control"] == "no-cache",
         "GET / serves index.html, no-cache", h)
    etag = h.get("etag")
    st, h2, data = s.request("GET", "/", headers={"If-None-Match": etag})
    T.ok(st == 304 and data == b"", "If-None-Match: 304", (st, h2))
    st, h, data = s.request("GET", "/assets/index-AbC12345.js")
    T.ok(st == 200 and h["content-type"].startswith("text/javascript") and
         "immutable" in h["cache-control"] and
         "max-age=31536000" in h["cache-control"],
         "hashed assets: JavaScript type, cached immutable", h)
    st, h, data = s.request("GET", "/assets/index-XyZ98765.css")
    T.ok(st == 200 and h["content-type"].startswith("text/css"),
         "CSS content type", h)
    st, h, data = s.request("GET", "/favicon.svg")
    T.ok(st == 200 and h["content-type"] == "image/svg+xml" and
         h["cache-control"] == "no-cache", "SVG, unhashed: no-cache", h)
    st, h, data = s.request("HEAD", "/")
    T.ok(st == 200 and data == b"", "HEAD /", (st, data))
    for route in ("/problems/two-sum", "/submissions/17", "/deep/a/b/c"):
        st, h, data = s.request("GET", route)
        T.ok(st == 200 and b"<div id=root>" in data and
             h["cache-control"] == "no-cache",
             "client route %s falls back to index.html" % route, st)
    for path in ("/missing.js", "/assets/nope-12345678.js", "/leak.txt",
                 "/etc/passwd", "/etc/", "/.hidden"):
        st, h, data = s.request("GET", path)
        T.ok(st == 404 and b"root:" not in data,
             "GET %s: 404, nothing from outside" % path, (st, data[:80]))
    for raw in (b"/../../../../etc/passwd", b"/assets/../../etc/passwd",
                b"/%2e%2e/%2e%2e/etc/passwd", b"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                b"/..%5c..%5cetc%5cpasswd", b"/assets/..",
                b"/index.html%00.png"):
        out = s.raw(b"GET " + raw + b" HTTP/1.1\r\nHost: x\r\n"
                    b"Connection: close\r\n\r\n")
        code = out.split(b" ", 2)[1] if out.startswith(b"HTTP/") else b""
        T.ok(code[:1] == b"4" and b"root:" not in out or
             (raw.endswith(b"%00.png") and code in (b"200", b"404") and
              b"root:" not in out),
             "raw GET %s: 4xx, nothing from outside" % raw.decode(),
             out[:120])


def test_slow_clients(s, cfg):
    # Headers that never finish: the server closes the connection.
    socks = []
    t0 = time.time()
    a = socket.create_connection(("127.0.0.1", s.port))
    a.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
    b = socket.create_connection(("127.0.0.1", s.port))  # says nothing
    c = socket.create_connection(("127.0.0.1", s.port))
    c.sendall(b"POST /api/submissions HTTP/1.1\r\nHost: x\r\n"
              b"Content-Type: application/json\r\n"
              b"Content-Length: 1000\r\n\r\n{\"probl")
    socks = [a, b, c]
    # Meanwhile others are served.
    st, j = s.get("/api/health")
    T.ok(st == 200, "the server answers others while slow clients hang", j)
    closed = []
    for k in socks:
        k.settimeout(cfg["timeout"] + 10)
        try:
            data = k.recv(4096)
            closed.append(data == b"" or data.startswith(b"HTTP/1.1 4"))
        except (socket.timeout, ConnectionResetError):
            closed.append(False)
        k.close()
    took = time.time() - t0
    T.ok(all(closed) and took < cfg["timeout"] + 8,
         "slow and half-open connections are closed after the timeout "
         "(%.1f s)" % took, closed)
    # Trickling clients: a byte a second keeps the connection "active",
    # yet the headers (or the body) must be complete within the timeout.
    for name, head, rest in (
            ("headers", b"GET /api/health HTTP/1.1\r\n", b"X-A: b\r\n" * 50),
            ("body", b"POST /api/submissions HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\n"
                     b"Content-Length: 500\r\n\r\n", b"{" + b" " * 400)):
        k = socket.create_connection(("127.0.0.1", s.port))
        k.sendall(head)
        t0 = time.time()
        cut = False
        try:
            for i in range(len(rest)):
                time.sleep(0.5)
                k.sendall(rest[i:i + 1])
                if time.time() - t0 > 4 * cfg["timeout"] + 5:
                    break
        except (BrokenPipeError, ConnectionResetError):
            cut = True
        took = time.time() - t0
        if not cut:
            k.settimeout(1)
            try:
                cut = k.recv(100) == b""
            except (socket.timeout, ConnectionResetError):
                cut = False
        k.close()
        T.ok(cut and took < 2 * cfg["timeout"] + 3,
             "a client trickling its %s is cut off (%.1f s)" % (name, took))
    # The per-address limit bounds how many connections one client holds.
    held = []
    try:
        for _ in range(cfg["max_per_ip"] + 5):
            k = socket.create_connection(("127.0.0.1", s.port))
            k.sendall(b"GET / HTTP/1.1\r\n")
            held.append(k)
        time.sleep(0.3)
        refused = 0
        for k in held[cfg["max_per_ip"]:]:
            k.settimeout(2)
            try:
                if k.recv(100) == b"":
                    refused += 1
            except ConnectionResetError:
                refused += 1
            except socket.timeout:
                pass
        T.ok(refused >= 1,
             "connections over the per-address limit are refused", refused)
    finally:
        for k in held:
            k.close()
    time.sleep(0.5)
    st, j = s.get("/api/health")
    T.ok(st == 200, "the server serves again once they are gone", j)


def test_limits(gavel, work, problems):
    # A full queue answers 429.
    s = Server(gavel, work, problems, db=os.path.join(work, "q.db"),
               args=["--workers", "1", "--max-queue", "2", "--rescan", "0"],
               name="queue-limit").start()
    try:
        sts = [s.submit(SLOW_PY) for _ in range(5)]
        full = [j for st, j in sts if st == 429]
        T.ok(len(full) >= 2 and all(j["error"]["code"] == "busy" and
                                    "queue" in j["error"]["message"]
                                    for j in full) and
             sts[0][0] == 202 and sts[1][0] == 202,
             "a full queue answers 429 busy", [st for st, _ in sts])
        for st, j in sts:
            if st == 202:
                s.wait_done(j["id"])
        st, j = s.submit(AC_PY)
        T.ok(st == 202, "the queue takes work again once drained", j)
        s.wait_done(j["id"])
    finally:
        s.stop()
    # One client's share: 429 past its limit, while others... (one address
    # here, so the bound itself is what is tested).
    s = Server(gavel, work, problems, db=os.path.join(work, "c.db"),
               args=["--workers", "1", "--max-per-client", "2",
                     "--max-client-runs", "1", "--rescan", "0"],
               name="client-limit").start()
    try:
        sts = [s.submit(SLOW_PY) for _ in range(4)]
        T.ok([st for st, _ in sts][:2] == [202, 202] and
             sts[3][0] == 429 and
             "waiting" in sts[3][1]["error"]["message"],
             "one client's unfinished submissions are bounded: 429",
             [st for st, _ in sts])
        for st, j in sts:
            if st == 202:
                s.wait_done(j["id"])
        res = []

        def run():
            res.append(s.post("/api/run", {"problem": "add-two",
                                           "language": "python3",
                                           "code": SLOW_PY})[0])
        ths = [threading.Thread(target=run) for _ in range(3)]
        for t in ths:
            t.start()
        for t in ths:
            t.join()
        T.ok(429 in res and 200 in res,
             "one client's concurrent runs are bounded: 429", res)
    finally:
        s.stop()


def test_catalog_sync(gavel, work):
    cat = make_catalog(os.path.join(work, "cat2"))
    db = os.path.join(work, "sync.db")
    s = Server(gavel, work, cat, db=db, args=["--rescan", "1"],
               name="sync").start()
    try:
        write(os.path.join(cat, "add-two", "statement.md"),
              "# Add Two\n\nChanged.\n")
        os.unlink(os.path.join(cat, "add-more", "problem.json"))
        make_function_problem(cat, "add-new", "Add New", "Hard", [], "add",
                              [(1, 1)], [(2, 2)])
        # A Kattis package (stdio) joins the catalog too.
        kp = os.path.join(cat, "sum-kattis")
        write(os.path.join(kp, "problem.yaml"),
              "name: Sum Kattis\nlimits:\n  time_limit: 2\n")
        write(os.path.join(kp, "problem_statement", "problem.md"),
              "Print a + b.\n")
        for kind, cases in (("sample", [(1, 2)]),
                            ("secret", [(3, 4), (10, 20)])):
            for i, (a, b) in enumerate(cases, 1):
                write(os.path.join(kp, "data", kind, "%d.in" % i),
                      "%d %d\n" % (a, b))
                write(os.path.join(kp, "data", kind, "%d.ans" % i),
                      "%d\n" % (a + b))
        deadline = time.time() + 10
        ok1 = ok2 = ok3 = False
        while time.time() < deadline and not (ok1 and ok2 and ok3):
            time.sleep(0.3)
            st, j = s.get("/api/problems/add-two")
            ok1 = st == 200 and "Changed." in j["statement"]
            st, j = s.get("/api/problems/add-more")
            ok2 = st == 404
            st, j = s.get("/api/problems/add-new")
            ok3 = st == 200
        T.ok(ok1, "a changed problem is re-imported while serving")
        T.ok(ok2, "a removed problem is retired while serving")
        T.ok(ok3, "a new problem appears while serving")
        st, j = s.get("/api/problems/sum-kattis")
        T.ok(st == 200 and j["title"] == "Sum Kattis" and
             j["kind"] == "stdio" and j["statement"] == "Print a + b.\n" and
             [(x["input"], x["answer"]) for x in j["samples"]] ==
             [("1 2\n", "3\n")],
             "a Kattis package is imported: title, statement, samples", j)
        st, j = s.submit("a, b = map(int, input().split())\nprint(a + b)\n",
                         problem="sum-kattis")
        d = s.wait_done(j["id"]) if st == 202 else None
        T.ok(d is not None and d["verdict"] == "AC" and
             d["total_tests"] == 3,
             "a stdio submission to the Kattis package: AC on 3 tests", d)
        st, j = s.submit(AC_PY, problem="add-more")
        T.ok(st == 422, "a retired problem takes no submissions", (st, j))
        write(os.path.join(cat, "add-two", "problem.json"), "{broken")
        time.sleep(2.5)
        st, j = s.get("/api/problems/add-two")
        T.ok(st == 200 and "Changed." in j["statement"] and
             "keeping the stored copy" in s.logtext(),
             "a broken problem.json keeps the stored copy (and says so)",
             st)
    finally:
        rc = s.stop()
        T.ok(rc == 0, "SIGTERM: clean exit",
             (rc, "\n".join(s.logtext().splitlines()[-15:])))
    log = s.logtext()
    s = Server(gavel, work, cat, db=db, name="sync").start()
    try:
        log2 = s.logtext()[len(log):]
        T.ok("catalog: imported" not in log2 and "migration" not in log2,
             "a restart on an unchanged catalog and schema rewrites nothing",
             log2)
    finally:
        s.stop()
    def check():
        return subprocess.run([gavel, "serve", "-n", "--db", db,
                               "--problems", cat], capture_output=True,
                              text=True)
    r = check()
    T.ok(r.returncode == 1 and "add-two" in r.stderr,
         "gavel serve -n reports an invalid problem", r.stderr)
    make_function_problem(cat, "add-two", "Add Two", "Easy", ["Math"],
                          "add", [(1, 2)], [(3, 4)])
    r = check()
    T.ok(r.returncode == 0 and "configuration OK" in r.stdout,
         "gavel serve -n checks the configuration", r)


def main():
    gavel = find_gavel()
    work = tempdir("gavel-api-")
    cfg = {"max_code": 8 * 1024, "max_input": 4 * 1024, "timeout": 3,
           "max_per_ip": 40}
    try:
        problems = make_catalog(os.path.join(work, "problems"))
        web = make_web(os.path.join(work, "web"))
        s = Server(gavel, work, problems, web=web,
                   args=["--max-code-kb", str(cfg["max_code"] // 1024),
                         "--max-input-kb", str(cfg["max_input"] // 1024),
                         "--timeout", str(cfg["timeout"]),
                         "--max-per-ip", str(cfg["max_per_ip"]),
                         "--rescan", "0"], name="api").start()
        try:
            test_read_endpoints(s)
            test_run(s)
            test_submissions(s)
            test_events(s)
            test_history(s)
            test_bad_input(s, cfg)
            test_static(s)
            test_slow_clients(s, cfg)
            st, j = s.get("/api/health")
            T.ok(st == 200 and j["queued"] == 0,
                 "still healthy at the end", j)
        finally:
            rc = s.stop()
        log = s.logtext()
        T.ok(rc == 0 and "stopped cleanly" in log, "SIGTERM: clean exit", rc)
        reqs = [l for l in log.splitlines() if '"GET /api/health"' in l]
        judged = [l for l in log.splitlines() if "judged #" in l]
        T.ok(len(reqs) >= 5 and len(judged) >= 10,
             "one log line per request and per judged submission",
             (len(reqs), len(judged)))
        test_limits(gavel, work, problems)
        test_catalog_sync(gavel, work)
    except Exception as e:  # a crash is a failure, with its story
        import traceback
        T.ok(False, "the test itself ran to the end", traceback.format_exc())
        del e
    finally:
        rmtree(work)
    sys.exit(T.done())


if __name__ == "__main__":
    main()
