#!/usr/bin/env python3
"""
tests/integration/server/test_admin.py -- problem authoring for admins
over real HTTP: definitions (function and stdio) written under --authored
and imported at once, drafts hidden from everyone else, the reference
check, rejudge, Kattis .zip uploads and hostile archives, and that every
admin route refuses anonymous (401) and non-admin (403) callers. Prints
TAP.

usage: GAVEL=build/src/gavel test_admin.py
"""
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
import warnings
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gavel_http import (Server, Tap, find_gavel, make_catalog,  # noqa: E402
                        rmtree, tempdir)

T = Tap()
warnings.filterwarnings("ignore", "Duplicate name")  # on purpose below
MARK = "424242"  # in every hidden test: must show up in one route only
PASSWORD = "correct horse battery"


class Client:
    """One caller of a running server: its session cookie and CSRF."""

    def __init__(self, server):
        self.s = server
        self.headers = {}

    def request(self, method, path, body=None, ctype="application/json",
                headers=None, timeout=120):
        h = dict(self.headers)
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
        if body is not None and ctype:
            h["Content-Type"] = ctype
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        st, rh, data = self.s.request(method, path, body=body, headers=h,
                                      timeout=timeout)
        try:
            j = json.loads(data)
        except ValueError:
            j = {"_raw": data}
        return st, j, data

    def get(self, path):
        st, j, _ = self.request("GET", path)
        return st, j

    def post(self, path, body=None, **kw):
        st, j, _ = self.request("POST", path, {} if body is None else body,
                                **kw)
        return st, j

    def put(self, path, body, **kw):
        st, j, _ = self.request("PUT", path, body, **kw)
        return st, j

    def login(self, name, path="/api/auth/login"):
        c = self.s.conn()
        try:
            c.request("POST", path, body=json.dumps(
                {"username": name, "password": PASSWORD}),
                headers={"Content-Type": "application/json"})
            r = c.getresponse()
            j = json.loads(r.read() or b"{}")
            cookie = (r.getheader("Set-Cookie") or "").split(";")[0]
        finally:
            c.close()
        if r.status in (200, 201):
            self.headers = {"Cookie": cookie,
                            "X-CSRF-Token": j["csrf_token"]}
        return r.status


def make_admin(gavel, server, name):
    """An admin: `gavel user add NAME --admin` when this gavel has it,
    else registered over HTTP and promoted in the database."""
    r = subprocess.run([gavel, "user", "add", name, "--admin", "--db",
                        server.db], input=PASSWORD + "\n",
                       capture_output=True, text=True,
                       env=dict(os.environ, GAVEL_PWHASH_COST="min",
                                GAVEL_DB=server.db))
    c = Client(server)
    if r.returncode == 0:
        T.ok(c.login(name) == 200, "an admin from `gavel user add --admin`"
             " logs in", r.stdout + r.stderr)
        return c
    T.diag("gavel user add is not here (%s): promoting by SQL" %
           (r.stdout + r.stderr).strip()[:200])
    st = c.login(name, "/api/auth/register")
    db = sqlite3.connect(server.db)
    db.execute("UPDATE users SET admin = 1 WHERE name = ?", (name,))
    db.commit()
    db.close()
    T.ok(st == 201, "an admin account exists", st)
    return c


def sum_def(title="Sum", answer=lambda a, b: a + b, hidden=None, n=6):
    d = {
        "title": title, "difficulty": "Easy", "tags": ["Math", "Authored"],
        "kind": "function",
        "statement": "# %s\n\nReturn `a + b`.\n" % title,
        "signature": {"name": "add",
                      "params": [{"name": "a", "type": "integer"},
                                 {"name": "b", "type": "integer"}],
                      "return": {"type": "integer"}},
        "limits": {"time_ms": 2000, "memory_mb": 256},
        "starter": {"python3": "class Solution:\n"
                               "    def add(self, a: int, b: int) -> int:\n"
                               "        pass\n"},
        "samples": [{"name": "01", "input": "1\n2\n",
                     "answer": "%d\n" % answer(1, 2)}],
        "tests": [{"input": "%s%d\n%d\n" % (MARK, i, i),
                   "answer": "%d\n" % answer(int(MARK + str(i)), i)}
                  for i in range(1, n + 1)],
    }
    if hidden is not None:
        d["hidden"] = hidden
    return d


ECHO_DEF = {
    "title": "Shout", "difficulty": "Medium", "tags": ["Strings"],
    "kind": "stdio", "statement": "Print the line in upper case.",
    "validator": "case_sensitive",
    "starter": {"c": "#include <stdio.h>\nint main(void) { return 0; }\n"},
    "samples": [{"name": "01", "input": "hi\n", "answer": "HI\n"}],
    "tests": [{"name": "big", "input": "x%s\n" % MARK,
               "answer": "X%s\n" % MARK}],
    "hidden": False,
}

AC_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int:\n"
         "        return a + b\n")
WA_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int:\n"
         "        return a + b if a < 100 else 0\n")
WA_PY2 = ("class Solution:\n"  # right on the samples of a + b + 1
          "    def add(self, a: int, b: int) -> int:\n"
          "        return a + b + 1 if a < 100 else 7\n")
LEAK_PY = ("class Solution:\n"
           "    def add(self, a: int, b: int) -> int:\n"
           "        if a > 100:\n"
           "            raise ValueError('input %d %d' % (a, b))\n"
           "        return a + b + 1\n")
# Writes its input to stderr, then runs out of memory: MLE on a hidden
# test, whose message must not carry the stderr tail (it once did).
LEAK_MLE_PY = ("import sys\n"
               "class Solution:\n"
               "    def add(self, a: int, b: int) -> int:\n"
               "        if a > 100:\n"
               "            sys.stderr.write('input %d %d\\n' % (a, b))\n"
               "            sys.stderr.flush()\n"
               "            hog = []\n"
               "            while True:\n"
               "                hog.append(bytearray(1 << 24))\n"
               "        return a + b + 1\n")
SHOUT_PY = "print(input().upper())\n"


def no_mark(obj):
    return MARK not in json.dumps(obj)


def authored_listing(root):
    return sorted(os.listdir(root))


# ------------------------------------------------------------ access rules

ADMIN_ROUTES = [
    ("GET", "/api/admin/problems", None),
    ("GET", "/api/admin/problems/sum-fn", None),
    ("PUT", "/api/admin/problems/sum-fn", sum_def()),
    ("POST", "/api/admin/problems/sum-fn/package", b"PK"),
    ("POST", "/api/admin/problems/sum-fn/visibility", {"hidden": False}),
    ("POST", "/api/admin/problems/sum-fn/check",
     {"language": "python3", "code": AC_PY}),
    ("POST", "/api/admin/problems/sum-fn/rejudge", {}),
]


def test_access(anon, alice, admin):
    for method, path, body in ADMIN_ROUTES:
        ctype = ("application/zip" if path.endswith("/package")
                 else "application/json")
        for who, c, want, code in (("anonymous", anon, 401, "unauthorized"),
                                   ("a non-admin", alice, 403, "forbidden")):
            st, j, _ = c.request(method, path, body, ctype=ctype)
            T.ok(st == want and j.get("error", {}).get("code") == code,
                 "%s %s: %s gets %d" % (method, path, who, want), (st, j))
    # Refused before the body is read: a declared 1 GiB upload is 401.
    out = anon.s.raw(b"POST /api/admin/problems/x/package HTTP/1.1\r\n"
                     b"Host: x\r\nContent-Type: application/zip\r\n"
                     b"Content-Length: 1073741824\r\n\r\nPK", read_timeout=5)
    T.ok(out.startswith(b"HTTP/1.1 401"), "an anonymous upload is refused "
         "from its headers, before its body", out[:200])
    # An admin's cookie alone does not make a change: CSRF token needed.
    st, j, _ = admin.request("PUT", "/api/admin/problems/sum-fn", sum_def(),
                             headers={"X-CSRF-Token": None})
    T.ok(st == 403 and j["error"]["code"] == "csrf",
         "an admin's PUT without X-CSRF-Token is 403 csrf", (st, j))
    st, j, _ = admin.request("POST", "/api/admin/problems/sum-fn/rejudge",
                             {}, headers={"Origin": "http://evil.example"})
    T.ok(st == 403 and j["error"]["code"] == "csrf",
         "an admin's POST from another site is 403 csrf", (st, j))


# ------------------------------------------------------------ authoring

def test_put_and_hide(admin, alice, anon, root):
    st, j = admin.put("/api/admin/problems/sum-fn", sum_def())
    T.ok(st == 201 and j == {"slug": "sum-fn", "hidden": True, "tests": 7},
         "PUT creates a function problem: 201, a hidden draft, 7 tests",
         (st, j))
    T.ok(os.path.isfile(os.path.join(root, "sum-fn", "problem.json")) and
         os.path.isfile(os.path.join(root, "sum-fn", "tests", "secret",
                                     "06.in")),
         "it is written under --authored in Gavel's format",
         authored_listing(root))

    for who, c in (("anonymous", anon), ("a non-admin", alice)):
        st, j = c.get("/api/problems")
        T.ok(st == 200 and "sum-fn" not in [p["slug"] for p in j],
             "a draft is not in the problem list for %s" % who, j)
        st, j = c.get("/api/problems/sum-fn")
        T.ok(st == 404 and j["error"]["code"] == "not_found",
             "a draft is 404 for %s" % who, (st, j))
    st, j = alice.post("/api/run", {"problem": "sum-fn",
                                    "language": "python3", "code": AC_PY})
    T.ok(st == 422, "a non-admin cannot run a draft (422)", (st, j))
    st, j = alice.post("/api/submissions", {"problem": "sum-fn",
                                            "language": "python3",
                                            "code": AC_PY})
    T.ok(st == 422, "a non-admin cannot submit to a draft (422)", (st, j))
    st, j = admin.get("/api/problems/sum-fn")
    T.ok(st == 200 and j["title"] == "Sum" and no_mark(j),
         "an admin sees the draft's page (samples only)", (st, j))
    st, j = admin.get("/api/problems")
    T.ok(st == 200 and [p.get("hidden") for p in j
                        if p["slug"] == "sum-fn"] == [True] and
         all("hidden" not in p for p in j if p["slug"] != "sum-fn"),
         "an admin's problem list has the draft, marked hidden", j)

    st, j = admin.put("/api/admin/problems/echo-io", ECHO_DEF)
    T.ok(st == 201 and j == {"slug": "echo-io", "hidden": False,
                             "tests": 2},
         "PUT creates a stdio problem, shown at once with hidden: false",
         (st, j))
    st, j = anon.get("/api/problems/echo-io")
    T.ok(st == 200 and j["kind"] == "stdio" and j["signature"] is None and
         "c" in j["starter"] and no_mark(j),
         "the shown stdio problem is public", (st, j))

    st, j = admin.get("/api/admin/problems")
    rows = {p["slug"]: p for p in j.get("problems", [])} if st == 200 else {}
    T.ok(st == 200 and rows.get("sum-fn", {}).get("hidden") is True and
         rows["sum-fn"]["authored"] is True and
         rows.get("echo-io", {}).get("hidden") is False and
         rows.get("add-two", {}).get("authored") is False and
         no_mark(j),
         "GET /api/admin/problems lists drafts too, with hidden and "
         "authored", j)

    st, j = admin.get("/api/admin/problems/sum-fn")
    T.ok(st == 200 and len(j["tests"]) == 6 and
         j["tests"][0]["input"].startswith(MARK) and
         j["samples"][0] == {"name": "01", "input": "1\n2\n",
                             "answer": "3\n"} and
         j["signature"]["name"] == "add" and j["hidden"] is True and
         j["compare"] == {"mode": "exact"},
         "GET /api/admin/problems/{slug}: the definition, hidden tests "
         "included", j)
    # What GET gives, PUT takes back.
    j["title"] = "Sum Again"
    st, j2 = admin.put("/api/admin/problems/sum-fn", j)
    T.ok(st == 200 and j2["hidden"] is True,
         "PUT of the fetched definition replaces it (200), still hidden",
         (st, j2))
    T.ok(not [n for n in os.listdir(root) if n.startswith(".")],
         "no temporary directory is left behind", os.listdir(root))

    for path, body, want, why in (
            ("/api/admin/problems/sum-fn", dict(sum_def(), kind="quiz"),
             400, "function or stdio"),
            ("/api/admin/problems/sum-fn",
             dict(sum_def(), tests=[{"input": "1\n", "answer": "1"}]),
             400, "the signature has 2"),
            ("/api/admin/problems/sum-fn", dict(sum_def(), extra=1), 400,
             "unknown field"),
            ("/api/admin/problems/add-two", sum_def(), 409,
             "bundled catalog")):
        st, j = admin.put(path, body)
        T.ok(st == want and why in j.get("error", {}).get("message", ""),
             "PUT refuses (%d): %s" % (want, why), (st, j))
    st, j = admin.get("/api/admin/problems/sum-fn")
    T.ok(j.get("title") == "Sum Again", "a refused PUT changes nothing", j)
    st, j = admin.get("/api/admin/problems/nope")
    T.ok(st == 404, "GET of an unknown problem: 404", (st, j))


def test_check(admin):
    st, j = admin.post("/api/admin/problems/sum-fn/check",
                       {"language": "python3", "code": AC_PY})
    T.ok(st == 200 and j["verdict"] == "AC" and len(j["cases"]) == 7 and
         all(c["verdict"] == "AC" for c in j["cases"]),
         "check: the reference solution passes all 7 tests", (st, j))
    T.ok(st == 200 and all(set(c) == {"name", "verdict", "cpu_ms",
                                      "wall_ms", "memory_kb", "message"}
                           for c in j["cases"]) and
         j["cases"][0]["name"] == "sample/01" and no_mark(j),
         "check answers carry names and figures, no test data", j)
    st, j = admin.post("/api/admin/problems/sum-fn/check",
                       {"language": "python3", "code": WA_PY})
    verdicts = [c["verdict"] for c in j.get("cases", [])]
    T.ok(st == 200 and j["verdict"] == "WA" and len(verdicts) == 7 and
         verdicts[0] == "AC" and verdicts.count("WA") == 6,
         "check: a wrong solution fails, every test still run", (st, j))
    T.ok(no_mark(j), "its wrong answers do not quote the hidden tests", j)
    st, j = admin.post("/api/admin/problems/echo-io/check",
                       {"language": "python3", "code": SHOUT_PY})
    T.ok(st == 200 and j["verdict"] == "AC" and len(j["cases"]) == 2,
         "check on a stdio problem", (st, j))
    st, j = admin.post("/api/admin/problems/sum-fn/check",
                       {"language": "c", "code": "int main(){}"})
    T.ok(st == 422, "check: a language that cannot solve it is 422",
         (st, j))
    st, j = admin.post("/api/admin/problems/sum-fn/check",
                       {"language": "python3", "code": AC_PY, "x": 1})
    T.ok(st == 400, "check: unknown fields are 400", (st, j))


def wait_done(c, sid):
    """Server.wait_done, as this client (it only needs c.get)."""
    return Server.wait_done(c, sid)


def test_visibility_and_rejudge(admin, alice, anon):
    st, j = admin.post("/api/admin/problems/sum-fn/visibility",
                       {"hidden": False})
    T.ok(st == 200 and j == {"slug": "sum-fn", "hidden": False},
         "visibility: shown", (st, j))
    st, j = anon.get("/api/problems")
    T.ok("sum-fn" in [p["slug"] for p in j], "a shown problem is listed")
    st, j = admin.post("/api/admin/problems/sum-fn/visibility",
                       {"hidden": "no"})
    T.ok(st == 400, "visibility wants a boolean", (st, j))
    st, j = admin.post("/api/admin/problems/nope/visibility",
                       {"hidden": True})
    T.ok(st == 404, "visibility of an unknown problem: 404", (st, j))

    st, j = alice.post("/api/submissions", {"problem": "sum-fn",
                                            "language": "python3",
                                            "code": AC_PY})
    T.ok(st == 202, "a user submits to the shown problem", (st, j))
    sid = j.get("id", 0)
    sub = wait_done(alice, sid)
    T.ok(sub is not None and sub["verdict"] == "AC" and no_mark(sub),
         "judged AC", sub)

    # The tests change: a + b + 1 now. The old AC is wrong.
    st, j = admin.put("/api/admin/problems/sum-fn",
                      sum_def(answer=lambda a, b: a + b + 1, hidden=False))
    T.ok(st == 200, "the tests are replaced", (st, j))
    st, j = admin.post("/api/admin/problems/sum-fn/rejudge")
    T.ok(st == 202 and j == {"queued": 1},
         "rejudge: 202, the one done submission is queued", (st, j))
    sub = wait_done(alice, sid)
    T.ok(sub is not None and sub["verdict"] == "WA" and
         sub["failed_test"] == 1,
         "re-judged on the new tests: WA", sub)
    st, j = anon.get("/api/problems/sum-fn")
    T.ok(st == 200 and j["submissions"] == 1 and j["accepted"] == 0,
         "the problem's counters count it once, as re-judged", j)
    st, j = admin.post("/api/admin/problems/nope/rejudge")
    T.ok(st == 404, "rejudge of an unknown problem: 404", (st, j))


# ------------------------------------------------------------ packages

def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    """entries: (name, data or None for a directory, unix mode or None)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            if mode is not None:
                info.external_attr = mode << 16
                info.create_system = 3  # unix
            z.writestr(info, data if data is not None else b"")
    return buf.getvalue()


def kattis(prefix=""):
    return [(prefix + "problem.yaml", "name: Package Sum\n", None),
            (prefix + "problem_statement/problem.md", "# Package Sum\n",
             None),
            (prefix + "data/sample/1.in", "1 2\n", None),
            (prefix + "data/sample/1.ans", "3\n", None),
            (prefix + "data/secret/a.in", "%s 1\n" % MARK, None),
            (prefix + "data/secret/a.ans", "%d\n" % (int(MARK) + 1), None)]


PKG_PY = "a, b = map(int, input().split())\nprint(a + b)\n"


def test_packages(admin, anon, root, work):
    path = "/api/admin/problems/pkg-sum/package"
    st, j, _ = admin.request("POST", path, zip_bytes(kattis()),
                             ctype="application/zip")
    T.ok(st == 201 and j == {"slug": "pkg-sum", "hidden": True, "tests": 2},
         "a Kattis .zip becomes a hidden problem (201)", (st, j))
    st, j, _ = admin.request("POST", path, zip_bytes(kattis("wrapped/")),
                             ctype="application/zip")
    T.ok(st == 200, "a package wrapped in one directory replaces it (200)",
         (st, j))
    st, j = admin.get("/api/admin/problems/pkg-sum")
    T.ok(st == 200 and j["title"] == "Package Sum" and
         j["kind"] == "stdio" and len(j["tests"]) == 1,
         "the package's title, kind and tests", j)
    st, j = admin.post("/api/admin/problems/pkg-sum/check",
                       {"language": "python3", "code": PKG_PY})
    T.ok(st == 200 and j["verdict"] == "AC", "its reference check passes",
         (st, j))
    st, j, _ = admin.request("POST", path, zip_bytes(kattis()),
                             ctype="application/json")
    T.ok(st == 415, "a package must be application/zip", (st, j))
    st, j, _ = admin.request("POST", "/api/admin/problems/add-two/package",
                             zip_bytes(kattis()), ctype="application/zip")
    T.ok(st == 409, "a package cannot replace a bundled problem", (st, j))

    before = authored_listing(root)
    outside = os.listdir(work)
    big = os.urandom(1 << 16)
    hostile = [
        ("a ../ path", [("../evil.txt", "x", None)] + kattis()),
        ("a nested ../ path", kattis() + [("data/../../../evil", "x",
                                           None)]),
        ("an absolute path", kattis() + [("/tmp/gavel-evil", "x", None)]),
        ("a symlink", kattis() + [("data/link", "/etc/passwd",
                                   stat.S_IFLNK | 0o777)]),
        ("a character device", kattis() + [("dev", "",
                                            stat.S_IFCHR | 0o666)]),
        ("a block device", kattis() + [("blk", "", stat.S_IFBLK | 0o666)]),
        ("a socket", kattis() + [("sock", "", stat.S_IFSOCK | 0o666)]),
        # (A FIFO mode is read by libarchive as a regular file: it can
        # only ever become one.)
        ("a backslash path", kattis() + [("..\\evil", "x", None)]),
        ("duplicate entries", kattis() + [("problem.yaml", "name: x\n",
                                           None)]),
        ("too many entries", kattis() + [("f/%d" % i, "", None)
                                         for i in range(10001)]),
        ("a zip bomb", kattis() + [("bomb%d" % i, b"\0" * (60 << 20), None)
                                   for i in range(5)]),
        ("a file over 64 MiB", kattis() + [("data/huge.in",
                                            b"\0" * ((64 << 20) + 1),
                                            None)]),
    ]
    for name, entries in hostile:
        body = zip_bytes(entries)
        st, j, _ = admin.request("POST", "/api/admin/problems/evil/package",
                                 body, ctype="application/zip")
        T.ok(st == 400 and j.get("error", {}).get("code") == "bad_request",
             "a package with %s is refused with 400 (%d KiB)" %
             (name, len(body) >> 10), (st, j))
        T.ok(authored_listing(root) == before and
             os.listdir(work) == outside and
             not os.path.exists("/tmp/gavel-evil"),
             "... and leaves nothing on disk", authored_listing(root))
    head = "".join("%s: %s\r\n" % kv for kv in admin.headers.items())
    out = admin.s.raw(("POST /api/admin/problems/evil/package HTTP/1.1\r\n"
                       "Host: x\r\nContent-Type: application/zip\r\n%s"
                       "Content-Length: %d\r\n\r\n" %
                       (head, 5 << 20)).encode() + big[:65536],
                      read_timeout=5)
    T.ok(out.startswith(b"HTTP/1.1 413") and b"too_large" in out,
         "a package over --max-upload-mb is 413, before it is read",
         out[:300])
    st, j, _ = admin.request("POST", "/api/admin/problems/evil/package",
                             b"this is not a zip", ctype="application/zip")
    T.ok(st == 400, "a body that is not a zip is 400", (st, j))
    st, j, _ = admin.request("POST", "/api/admin/problems/evil/package",
                             zip_bytes([("problem.yaml", "name: x\n",
                                         None)]),
                             ctype="application/zip")
    T.ok(st == 422 and "no tests" in j["error"]["message"],
         "a package the judge cannot load is 422", (st, j))
    T.ok(authored_listing(root) == before, "nothing is left of either",
         authored_listing(root))
    st, j = anon.get("/api/problems/evil")
    T.ok(st == 404, "no problem came of them", (st, j))
    # The ordinary cap still holds off the admin routes.
    st, j = admin.post("/api/run", {"problem": "add-two",
                                    "language": "python3",
                                    "code": "#" * (300 << 10)})
    T.ok(st == 413, "other routes keep their small body cap", (st, j))


def test_no_leak(admin, alice, anon):
    """The hidden tests' mark in no answer but the definition."""
    seen = []
    for c in (anon, alice, admin):
        for path in ("/api/problems", "/api/problems/sum-fn",
                     "/api/problems/echo-io", "/api/problems/pkg-sum",
                     "/api/submissions"):
            st, j = c.get(path)
            seen.append((path, st, no_mark(j)))
    st, j = admin.get("/api/admin/problems")
    seen.append(("/api/admin/problems", st, no_mark(j)))
    st, j = alice.post("/api/run", {"problem": "sum-fn",
                                    "language": "python3", "code": WA_PY})
    seen.append(("/api/run", st, no_mark(j)))
    # Failing on the hidden tests only: no detail may quote them. A wrong
    # answer; a program that puts its input into its error (RE); one that
    # prints it to stderr, then runs out of memory (MLE).
    for code, what, verdict, message in (
            (WA_PY2, "WA on a hidden test", "WA",
             "wrong answer on a hidden test"),
            (LEAK_PY, "RE quoting a hidden input", "RE",
             "runtime error on a hidden test"),
            (LEAK_MLE_PY, "MLE after printing a hidden input", "MLE",
             "memory limit exceeded on a hidden test")):
        st, j = alice.post("/api/submissions", {"problem": "sum-fn",
                                                "language": "python3",
                                                "code": code})
        sub = wait_done(alice, j.get("id", 0)) if st == 202 else None
        seen.append(("/api/submissions/{id} (%s)" % what,
                     sub and sub["verdict"], no_mark(sub)))
        T.ok(sub is not None and sub["verdict"] == verdict and
             sub["message"] == message,
             "%s: reported as %r only" % (what, message), sub)
    T.ok(all(ok for _, _, ok in seen),
         "hidden tests appear in no other answer, for anyone",
         [s for s in seen if not s[2]])


def main():
    gavel = find_gavel()
    work = tempdir("gavel-admin-")
    problems = make_catalog(os.path.join(work, "problems"))
    authored = os.path.join(work, "authored")
    # user=None: no default token; each Client below is its own caller.
    s = Server(gavel, work, problems, user=None,
               args=["--authored", authored, "--max-upload-mb", "4",
                     "--rescan", "1"])
    try:
        s.start()
        anon = Client(s)
        admin = make_admin(gavel, s, "root")
        alice = Client(s)
        T.ok(alice.login("alice", "/api/auth/register") == 201,
             "a non-admin user registers")
        test_access(anon, alice, admin)
        test_put_and_hide(admin, alice, anon, authored)
        test_check(admin)
        test_visibility_and_rejudge(admin, alice, anon)
        test_packages(admin, anon, authored, work)
        test_no_leak(admin, alice, anon)

        # A rescan keeps drafts hidden; a restart finds the authored root.
        time.sleep(2.5)
        st, j = anon.get("/api/problems/pkg-sum")
        T.ok(st == 404, "a rescan keeps the draft hidden", (st, j))
        T.ok(s.stop() == 0, "the server stops cleanly")
        s.start()
        admin.s = anon.s = s
        st, j = admin.get("/api/admin/problems")
        rows = {p["slug"]: p["hidden"] for p in j.get("problems", [])}
        T.ok(rows.get("sum-fn") is False and rows.get("pkg-sum") is True
             and rows.get("echo-io") is False,
             "after a restart the authored problems are back, flags kept",
             rows)
    except Exception as e:  # noqa: BLE001
        T.ok(False, "the test ran to its end", repr(e))
        T.diag(s.logtext()[-3000:])
    finally:
        s.stop()
    rc = T.done()
    if rc == 0:
        rmtree(work)
    else:
        print("# kept " + work)
    return rc


if __name__ == "__main__":
    sys.exit(main())
