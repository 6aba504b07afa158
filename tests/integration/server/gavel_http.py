"""
tests/integration/server/gavel_http.py -- shared helpers for the server's
integration tests and the benchmark: a fixture catalog, starting and
stopping a real `gavel serve`, small HTTP and SSE clients, TAP output.

Python 3 standard library only.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

# ---------------------------------------------------------------- TAP

class Tap:
    """Collects results, prints TAP as it goes, plan at the end."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, diag=None):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, name), flush=True)
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, name), flush=True)
            if diag is not None:
                for line in str(diag).splitlines()[:40]:
                    print("# " + line, flush=True)
        return cond

    def diag(self, text):
        for line in str(text).splitlines():
            print("# " + line, flush=True)

    def done(self):
        print("1..%d" % self.n, flush=True)
        return 1 if self.failed else 0


# ---------------------------------------------------------------- catalog

AC_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int:\n"
         "        return a + b\n")
WA_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int:\n"
         "        return a - b\n")
RE_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int:\n"
         "        raise ValueError('boom')\n")
CE_PY = ("class Solution:\n"
         "    def add(self, a: int, b: int) -> int\n"
         "        return a + b\n")
SLOW_PY = ("import time\n"
           "class Solution:\n"
           "    def add(self, a: int, b: int) -> int:\n"
           "        time.sleep(0.05)\n"
           "        return a + b\n")

BURN_PY = ("class Solution:\n"
           "    def add(self, a: int, b: int) -> int:\n"
           "        n = 0\n"
           "        for i in range(3000000):\n"
           "            n += i\n"
           "        return a + b\n")

# Hidden inputs carry this number so a test can prove they never leak.
SECRET_MARK = 987654
SAMPLES = [(1, 2), (5, 7)]
SECRETS = [(SECRET_MARK, i) for i in range(1, 11)]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def make_function_problem(root, slug, title, difficulty, tags, method,
                          samples, secrets, time_ms=2000):
    """A two-integer function problem answering a + b."""
    d = os.path.join(root, slug)
    meta = {
        "title": title, "difficulty": difficulty, "tags": tags,
        "kind": "function",
        "signature": {"name": method,
                      "params": [{"name": "a", "type": "integer"},
                                 {"name": "b", "type": "integer"}],
                      "return": {"type": "integer"}},
        "compare": {"mode": "exact"},
        "limits": {"time_ms": time_ms, "memory_mb": 256},
    }
    write(os.path.join(d, "problem.json"), json.dumps(meta, indent=2))
    write(os.path.join(d, "statement.md"),
          "# %s\n\nReturn `a + b`.\n" % title)
    write(os.path.join(d, "starter", "python3.py"),
          "class Solution:\n    def %s(self, a: int, b: int) -> int:\n"
          "        pass\n" % method)
    for kind, cases in (("sample", samples), ("secret", secrets)):
        for i, (a, b) in enumerate(cases, 1):
            base = os.path.join(d, "tests", kind, "%02d" % i)
            write(base + ".in", "%d\n%d\n" % (a, b))
            write(base + ".ans", "%d\n" % (a + b))
    return d


def make_catalog(root):
    """The fixture catalog: add-two (Easy, Math) and add-more (Medium,
    Array), plus a directory the importer must skip."""
    make_function_problem(root, "add-two", "Add Two", "Easy", ["Math"],
                          "add", SAMPLES, SECRETS)
    make_function_problem(root, "add-more", "Add More", "Medium",
                          ["Array", "Math"], "add", SAMPLES,
                          [(i, i) for i in range(1, 6)])
    write(os.path.join(root, "_lib", "helper.py"), "# not a problem\n")
    return root


def make_web(root):
    """A fake built UI, with a symlink that points outside it."""
    write(os.path.join(root, "index.html"),
          "<!doctype html><title>gavel</title><div id=root></div>\n")
    write(os.path.join(root, "assets", "index-AbC12345.js"),
          "console.log('gavel');\n")
    write(os.path.join(root, "assets", "index-XyZ98765.css"),
          "body{margin:0}\n")
    write(os.path.join(root, "favicon.svg"), "<svg/>\n")
    os.symlink("/etc/passwd", os.path.join(root, "leak.txt"))
    os.symlink("/etc", os.path.join(root, "etc"))
    return root


# ---------------------------------------------------------------- server

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def password_of(name):
    return "pw-of-" + name


class Server:
    """A `gavel serve` child on 127.0.0.1, a random port.

    With user (the default "tester"), start() makes sure that user exists
    (`gavel user add`), logs in, creates an API token and sends it with
    every request (self.headers), so the tests of everything else act as
    a logged-in user. Unless args say otherwise, password hashing is
    cheap (--pwhash-cost min) and per-user rate limits are off."""

    def __init__(self, gavel, workdir, problems, db=None, web=None,
                 args=(), name="server", user="tester"):
        self.gavel = gavel
        self.workdir = workdir
        self.problems = problems
        self.db = db or os.path.join(workdir, "gavel.db")
        self.web = web or os.path.join(workdir, "no-web")
        self.args = list(args)
        for flag, value in (("--pwhash-cost", "min"), ("--rate-runs", "0"),
                            ("--rate-submissions", "0")):
            if flag not in self.args:
                self.args += [flag, value]
        self.name = name
        self.user = user
        self.headers = {}
        self.port = None
        self.proc = None
        self.logpath = os.path.join(workdir, name + ".log")

    def start(self, timeout=20):
        self.port = free_port()
        cmd = [self.gavel, "serve", "--port", str(self.port),
               "--db", self.db, "--problems", self.problems,
               "--web", self.web] + self.args
        self.log = open(self.logpath, "a")
        self.proc = subprocess.Popen(cmd, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("gavel serve exited %d:\n%s" %
                                   (self.proc.returncode, self.logtext()))
            try:
                st, _ = self.get("/api/health", timeout=1)
                if st == 200:
                    if self.user:
                        self.headers = {"Authorization": "Bearer " +
                                        self.token_for(self.user)}
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("gavel serve did not come up:\n" + self.logtext())

    def logtext(self):
        try:
            with open(self.logpath) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Signal and wait; returns the exit status."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            # Hung: say where, for the log, then kill.
            try:
                subprocess.run(["gdb", "-p", str(self.proc.pid), "-batch",
                                "-ex", "thread apply all bt"],
                               stdout=self.log, stderr=subprocess.DEVNULL,
                               timeout=60)
            except (OSError, subprocess.SubprocessError):
                pass
            self.proc.kill()
            rc = self.proc.wait()
        self.proc = None
        self.log.close()
        return rc

    # -- accounts

    def add_user(self, name, password=None, admin=False, cost="min"):
        """`gavel user add` on this server's database; True if added,
        False if the name was taken."""
        pwfile = os.path.join(self.workdir, "pw-%s.txt" % name)
        write(pwfile, (password or password_of(name)) + "\n")
        cmd = [self.gavel, "user", "add", name, "--db", self.db,
               "--password-file", pwfile, "--pwhash-cost", cost]
        if admin:
            cmd.append("--admin")
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0 and "taken" not in r.stderr:
            raise RuntimeError("gavel user add %s: %s" % (name, r.stderr))
        return r.returncode == 0

    def token_for(self, name, admin=False):
        """An API token of user name (created first if need be)."""
        self.add_user(name, admin=admin)
        c = Client(self)
        st, j = c.login(name, password_of(name))
        if st != 200:
            raise RuntimeError("login as %s: %d %s" % (name, st, j))
        st, j = c.post("/api/tokens", {"name": "tests"})
        if st != 201:
            raise RuntimeError("token for %s: %d %s" % (name, st, j))
        return j["token"]

    # -- HTTP

    def conn(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=30):
        """(status, headers dict (lower-case), raw bytes)."""
        c = self.conn(timeout)
        h = dict(self.headers)
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            c.close()

    def get(self, path, timeout=30):
        st, _, data = self.request("GET", path, timeout=timeout)
        return st, parse(data)

    def post(self, path, obj, timeout=60, headers=None):
        body = obj if isinstance(obj, (bytes, str)) else json.dumps(obj)
        if isinstance(body, str):
            body = body.encode()
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        st, _, data = self.request("POST", path, body=body, headers=h,
                                   timeout=timeout)
        return st, parse(data)

    def submit(self, code, problem="add-two", language="python3"):
        return self.post("/api/submissions", {"problem": problem,
                                              "language": language,
                                              "code": code})

    def wait_done(self, sid, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            st, j = self.get("/api/submissions/%d" % sid)
            if st == 200 and j.get("status") == "done":
                return j
            time.sleep(0.05)
        return None

    def raw(self, data, read_timeout=10):
        """Send raw bytes, return everything read until close/timeout."""
        s = socket.create_connection(("127.0.0.1", self.port))
        s.settimeout(read_timeout)
        try:
            s.sendall(data)
            out = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                if not chunk:
                    break
                out += chunk
            return out
        finally:
            s.close()

    def events(self, sid, timeout=120):
        """Read an SSE stream to its end: [(event, data-json)]."""
        c = self.conn(timeout)
        try:
            c.request("GET", "/api/submissions/%d/events" % sid,
                      headers=self.headers)
            r = c.getresponse()
            if r.status != 200:
                return r.status, []
            evs, name, data = [], None, []
            while True:
                line = r.fp.readline()
                if not line:
                    break
                line = line.decode().rstrip("\n")
                if line == "":
                    if name is not None:
                        evs.append((name, json.loads("\n".join(data))))
                        if name == "done":
                            break
                    name, data = None, []
                elif line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
            return 200, evs
        finally:
            c.close()


class Client(Server):
    """Another user of a running server: its own headers, session cookie
    and CSRF token; the server's other helpers (submit, events, ...)
    act as this client."""

    def __init__(self, server, headers=None):
        self.__dict__.update(server.__dict__)
        self.server = server
        self.headers = dict(headers or {})
        self.csrf = None

    def login(self, name, password, path="/api/auth/login"):
        """Log in (or register, with path): keeps the cookie and CSRF."""
        st, h, data = self.request(
            "POST", path, json.dumps({"username": name,
                                      "password": password}).encode(),
            headers={"Content-Type": "application/json"})
        j = parse(data)
        if st in (200, 201):
            self.take_cookie(h)
            self.csrf = j["csrf_token"]
            self.headers["X-CSRF-Token"] = self.csrf
        return st, j

    def take_cookie(self, h):
        cookie = h.get("set-cookie", "")
        value = cookie.split(";")[0]
        if value.startswith("gavel_session="):
            self.headers["Cookie"] = value
        self.last_cookie = cookie

    def delete(self, path):
        st, _, data = self.request("DELETE", path)
        return st, parse(data)


def parse(data):
    try:
        return json.loads(data)
    except ValueError:
        return {"_raw": data}


def find_gavel():
    """The gavel binary, from $GAVEL or argv[1]. When this machine cannot
    run sandboxes (`gavel check` fails) the test is skipped (exit 77),
    unless GAVEL_SANDBOX_MUST_WORK=1 makes that a failure."""
    g = os.environ.get("GAVEL") or (sys.argv[1] if len(sys.argv) > 1
                                    else None)
    if not g:
        sys.exit("set GAVEL to the gavel binary")
    g = os.path.abspath(g)
    r = subprocess.run([g, "check"], capture_output=True, text=True)
    if r.returncode != 0:
        if os.environ.get("GAVEL_SANDBOX_MUST_WORK") == "1":
            print("1..1\nnot ok 1 - gavel check: the sandbox works")
            print("# " + (r.stdout + r.stderr).replace("\n", "\n# "))
            sys.exit(1)
        print("1..0 # SKIP the sandbox does not work here: " +
              (r.stdout + r.stderr).strip().replace("\n", " "))
        sys.exit(77)
    return g


def tempdir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def rmtree(d):
    if os.environ.get("GAVEL_TEST_KEEP") == "1":
        print("# kept " + d, flush=True)
        return
    shutil.rmtree(d, ignore_errors=True)
