#!/usr/bin/env python3
# tests/integration/harness/run.py -- runs the function harnesses (the
# Python 3 driver and generated C++ harnesses) on real solutions, WITHOUT the
# sandbox, and checks the fd 3 records.  Prints TAP; exits 1 on a failure.
#
# Each directory under cases/ holds sig.json (LeetCode metaData),
# solution.py and/or solution.cpp, in/NN.in (one JSON value per line, one
# line per parameter) and expect.jsonl (one record per test; or
# expect.py.jsonl / expect.cpp.jsonl when the languages differ).  An
# expected {"error": E} matches an actual error that starts with E.
#
# Environment (set by meson; defaults for a manual run from the repo root
# with a build directory build-h5):
#   HARNESS_GEN    the harness_gen binary (tests/integration/harness/)
#   HARNESS_DIR    src/judge/harness
#   HARNESS_CASES  the cases directory
#   PYTHON         the interpreter the judge uses (default /usr/bin/python3)
#   CXX            default g++
#   HARNESS_NO_PCH set to 1 to compile without the precompiled header

import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
GEN = os.environ.get('HARNESS_GEN',
                     os.path.join(ROOT, 'build-h5', 'tests', 'integration',
                                  'harness', 'harness_gen'))
HDIR = os.environ.get('HARNESS_DIR', os.path.join(ROOT, 'src', 'judge',
                                                  'harness'))
CASES = os.environ.get('HARNESS_CASES', os.path.join(HERE, 'cases'))
PYTHON = os.environ.get('PYTHON', '/usr/bin/python3')
if not os.path.exists(PYTHON):
    PYTHON = sys.executable
CXX = os.environ.get('CXX', 'g++')
CXXFLAGS = ['-std=gnu++20', '-O2']
USE_PCH = os.environ.get('HARNESS_NO_PCH') != '1'

TMP = tempfile.mkdtemp(prefix='gavel-harness-')
DRIVER = os.path.join(HDIR, 'python3_driver.py')


def diag(msg):
    for line in str(msg).splitlines():
        print('# ' + line)


def run(argv, stdin=b'', fd3=None, timeout=60):
    """Run argv; fd 3 goes to the file fd3.  Returns (rc, out, err)."""
    def pre():
        if fd3 is not None:
            fd = os.open(fd3, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            if fd != 3:
                os.dup2(fd, 3)
                os.close(fd)
    p = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, preexec_fn=pre,
                       pass_fds=(3,) if fd3 is not None else (),
                       timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def close(a, b):
    """JSON equality; numbers within 1e-6; bool is not an int."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, int) and isinstance(b, int):
            return a == b
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def check_records(path, expect):
    """'' if the fd 3 file at path matches expect, else why not."""
    with open(path, 'rb') as f:
        lines = f.read().decode('utf-8').split('\n')
    if not lines or lines[0] != 'READY':
        return 'first line is %r, not READY' % (lines[:1],)
    if lines[-1] != '':
        return 'the last record does not end in a newline'
    recs = lines[1:-1]
    if len(recs) != len(expect):
        return '%d records, expected %d' % (len(recs), len(expect))
    for i, (line, exp) in enumerate(zip(recs, expect), 1):
        try:
            got = json.loads(line)
        except ValueError as e:
            return 'record %d is not JSON (%s): %r' % (i, e, line[:200])
        if set(got) not in ({'ok', 'stdout'}, {'error', 'stdout'}):
            return 'record %d has keys %s' % (i, sorted(got))
        if got['stdout'] != exp.get('stdout', ''):
            return 'record %d stdout %r, expected %r' % (
                i, got['stdout'][:200], exp.get('stdout', '')[:200])
        if 'error' in exp:
            if not str(got.get('error', '')).startswith(exp['error']):
                return 'record %d: %r, expected error %r' % (
                    i, line[:300], exp['error'])
        elif 'ok' not in got or not close(got['ok'], exp['ok']):
            return 'record %d: %r, expected ok %r' % (
                i, line[:300], json.dumps(exp['ok'])[:300])
    return ''


def load_expect(case, lang):
    for name in ('expect.%s.jsonl' % lang, 'expect.jsonl'):
        p = os.path.join(case, name)
        if os.path.exists(p):
            with open(p) as f:
                return [json.loads(line) for line in f if line.strip()]
    return None


def make_stdin(case, inputs=None):
    if inputs is None:
        d = os.path.join(case, 'in')
        inputs = [os.path.join(d, n) for n in sorted(os.listdir(d))]
    rc, out, err = run([GEN, 'stdin', os.path.join(case, 'sig.json')]
                       + inputs)
    if rc != 0:
        raise RuntimeError('harness_gen stdin: ' + err.decode())
    return out


# ------------------------------------------------------------ C++ helpers

PCH_DIR = os.path.join(TMP, 'pch')
TIMES = {'compile': [], 'pch': None}


def cpu():
    """CPU seconds of the finished children so far (they run one at a
    time, so a difference is one compile's; wall time is noise on a
    shared machine)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def build_pch():
    os.makedirs(PCH_DIR)
    for n in ('prelude.hpp', 'lc.hpp', 'gavel_pch.hpp'):
        shutil.copy(os.path.join(HDIR, n), PCH_DIR)
    if not USE_PCH:
        return ''
    t = cpu()
    rc, _, err = run([CXX] + CXXFLAGS + ['-x', 'c++-header', '-o',
                     os.path.join(PCH_DIR, 'gavel_pch.hpp.gch'),
                     os.path.join(PCH_DIR, 'gavel_pch.hpp')], timeout=300)
    TIMES['pch'] = cpu() - t
    return '' if rc == 0 else err.decode()


def compile_cpp(sig, src, exe):
    """(ok, message): generate the harness for src and compile it."""
    rc, tu, err = run([GEN, 'cpp', sig, src])
    if rc != 0:
        return False, 'harness_gen: ' + err.decode()
    cpp = exe + '.cpp'
    with open(cpp, 'wb') as f:
        f.write(tu)
    t = cpu()
    rc, _, err = run([CXX] + CXXFLAGS + ['-Winvalid-pch', '-I', PCH_DIR,
                     '-o', exe, cpp], timeout=300)
    TIMES['compile'].append(cpu() - t)
    return rc == 0, err.decode()


# ------------------------------------------------------------ the tests

def case_test(case, lang):
    name = os.path.basename(case)
    expect = load_expect(case, lang)
    stdin = make_stdin(case)
    out = os.path.join(TMP, '%s.%s.fd3' % (name, lang))
    if lang == 'py':
        argv = [PYTHON, '-I', '-S', DRIVER,
                os.path.join(case, 'solution.py')]
    else:
        exe = os.path.join(TMP, name)
        ok, msg = compile_cpp(os.path.join(case, 'sig.json'),
                              os.path.join(case, 'solution.cpp'), exe)
        if not ok:
            return 'compile failed:\n' + msg
        argv = [exe]
    rc, sout, err = run(argv, stdin, fd3=out)
    if rc != 0:
        return 'exit %d, stderr:\n%s' % (rc, err.decode()[-2000:])
    why = check_records(out, expect)
    if why:
        return why + '\nstderr:\n' + err.decode()[-1000:]
    if sout:
        return 'the user\'s prints leaked to fd 1: %r' % sout[:200]
    return ''


def py_source_test(src, sig, tests, want_rc, want_err, expect=None):
    """Run the Python driver on src text; check exit code and stderr."""
    d = tempfile.mkdtemp(dir=TMP)
    with open(os.path.join(d, 'sig.json'), 'w') as f:
        json.dump(sig, f)
    ins = []
    for i, t in enumerate(tests):
        p = os.path.join(d, '%02d.in' % i)
        with open(p, 'w') as f:
            f.write(t)
        ins.append(p)
    with open(os.path.join(d, 'solution.py'), 'w') as f:
        f.write(src)
    stdin = make_stdin(d, ins)
    out = os.path.join(d, 'fd3')
    rc, _, err = run([PYTHON, '-I', '-S', DRIVER,
                      os.path.join(d, 'solution.py')], stdin, fd3=out)
    err = err.decode()
    if rc != want_rc:
        return 'exit %d, expected %d; stderr:\n%s' % (rc, want_rc, err)
    if want_err not in err:
        return 'stderr lacks %r:\n%s' % (want_err, err)
    if expect is not None:
        return check_records(out, expect)
    with open(out, 'rb') as f:
        if f.read():
            return 'wrote to fd 3 before failing: no READY expected'
    return ''


SUM_SIG = {"name": "f", "params": [{"name": "n", "type": "integer"}],
           "return": {"type": "integer"}}


def t_syntax_error():
    return py_source_test('class Solution:\n    def f(self, n):\n'
                          '        return n +\n', SUM_SIG, ['1\n'], 2,
                          'File "solution.py", line 3')


def t_load_error():
    return py_source_test('import nosuchmodule\n', SUM_SIG, ['1\n'], 1,
                          'ModuleNotFoundError')


def t_no_solution():
    return py_source_test('x = 1\n', SUM_SIG, ['1\n'], 1, 'Solution')


def t_input_protected():
    # input() must not eat the protocol; the error is per test.
    return py_source_test(
        'class Solution:\n    def f(self, n):\n        return int(input())\n',
        SUM_SIG, ['1\n', '2\n'], 0, 'EOFError',
        [{"error": "EOFError"}, {"error": "EOFError"}])


def t_deep_recursion():
    # A 10^5-deep recursion through lru_cache (C stack) and a 10^4-deep
    # DFS on a degenerate tree.
    src = ('class Solution:\n'
           '    def f(self, n):\n'
           '        @cache\n'
           '        def g(i):\n'
           '            return 0 if i == 0 else g(i - 1) + 1\n'
           '        return g(n)\n'
           '    def depth(self, root):\n'
           '        return 1 + max(self.depth(root.left), '
           'self.depth(root.right)) if root else 0\n')
    why = py_source_test(src, SUM_SIG, ['100000\n'], 0, '',
                         [{"ok": 100000}])
    if why:
        return why
    tree = [0]
    for i in range(1, 10000):
        tree += [None, i]
    sig = {"name": "depth", "params": [{"name": "root", "type": "TreeNode"}],
           "return": {"type": "integer"}}
    return py_source_test(src, sig, [json.dumps(tree) + '\n'], 0, '',
                          [{"ok": 10000}])


def t_infinite_recursion():
    # A RecursionError record, quickly, not an MLE or a minute of traceback.
    src = ('class Solution:\n'
           '    def f(self, n):\n'
           '        return self.f(n + 1)\n')
    t = cpu()
    why = py_source_test(src, SUM_SIG, ['1\n', '2\n'], 0, 'RecursionError',
                         [{"error": "RecursionError"},
                          {"error": "RecursionError"}])
    if not why and cpu() - t > 5:
        why = 'took %.1f s of CPU' % (cpu() - t)
    return why


def t_cpp_stdin_protected():
    # cin reads /dev/null, not the tests; prints never reach fd 1.
    d = tempfile.mkdtemp(dir=TMP)
    with open(os.path.join(d, 'sig.json'), 'w') as f:
        json.dump(SUM_SIG, f)
    src = os.path.join(d, 'solution.cpp')
    with open(src, 'w') as f:
        f.write('class Solution {\npublic:\n    int f(int n) {\n'
                '        string s;\n'
                '        if (cin >> s) return -1;\n'
                '        puts("p");\n'
                '        return n;\n    }\n};\n')
    ok, msg = compile_cpp(os.path.join(d, 'sig.json'), src,
                          os.path.join(d, 'main'))
    if not ok:
        return msg
    ins = []
    for i in range(3):
        p = os.path.join(d, '%d.in' % i)
        with open(p, 'w') as f:
            f.write('%d\n' % i)
        ins.append(p)
    out = os.path.join(d, 'fd3')
    rc, sout, err = run([os.path.join(d, 'main')], make_stdin(d, ins),
                        fd3=out)
    if rc != 0 or sout:
        return 'exit %d, stdout %r: %s' % (rc, sout, err.decode())
    return check_records(out, [{"ok": i, "stdout": "p\n"} for i in range(3)])


def t_python_returns():
    # Lenient returns: generator, tuple of tuples, set, int for double,
    # float for integer, wrong type -> a TypeError record.
    sig = {"name": "f", "params": [{"name": "k", "type": "integer"}],
           "return": {"type": "list<list<integer>>"}}
    src = ('class Solution:\n'
           '    def f(self, k):\n'
           '        if k == 0: return ((i, i) for i in range(2))\n'
           '        if k == 1: return ((1, 2), [3])\n'
           '        if k == 2: return [{5}]\n'
           '        return 7\n')
    return py_source_test(src, sig, ['0\n', '1\n', '2\n', '3\n'], 0, '', [
        {"ok": [[0, 0], [1, 1]]}, {"ok": [[1, 2], [3]]}, {"ok": [[5]]},
        {"error": "TypeError: 7 is not valid value"}])


def t_cycle():
    sig = {"name": "f", "params": [{"name": "h", "type": "ListNode"}],
           "return": {"type": "ListNode"}}
    src = ('class Solution:\n'
           '    def f(self, h):\n'
           '        h.next.next = h\n'
           '        return h\n')
    return py_source_test(src, sig, ['[1,2,3]\n'], 0, '', [
        {"error": "Error: Found cycle in the ListNode"}])


def t_unsupported():
    d = tempfile.mkdtemp(dir=TMP)
    sig = os.path.join(d, 'sig.json')
    with open(sig, 'w') as f:
        json.dump({"name": "cloneGraph",
                   "params": [{"name": "node", "type": "Node"}],
                   "return": {"type": "Node"}}, f)
    src = os.path.join(d, 'solution.cpp')
    open(src, 'w').close()
    rc, _, err = run([GEN, 'cpp', sig, src])
    if rc != 1 or b'unsupported type "Node"' not in err:
        return 'harness_gen: exit %d, %r' % (rc, err)
    return ''


def t_cpp_compile_error():
    d = tempfile.mkdtemp(dir=TMP)
    src = os.path.join(d, 'solution.cpp')
    with open(src, 'w') as f:
        f.write('class Solution {\npublic:\n    int f(int n) {\n'
                '        return n +;\n    }\n};\n')
    with open(os.path.join(d, 'sig.json'), 'w') as f:
        json.dump(SUM_SIG, f)
    ok, msg = compile_cpp(os.path.join(d, 'sig.json'), src,
                          os.path.join(d, 'main'))
    if ok:
        return 'compiled'
    if 'solution.cpp:4:' not in msg:
        return 'the error does not point at solution.cpp:4:\n' + msg
    return ''


def t_cpp_cycle_and_big():
    # A cycle in a returned list is an error record; a 10^5-node tree is
    # read and written back (arena, iterative BFS).
    d = tempfile.mkdtemp(dir=TMP)
    sig = {"name": "f", "params": [{"name": "r", "type": "TreeNode"},
                                   {"name": "h", "type": "ListNode"}],
           "return": {"type": "TreeNode"}}
    with open(os.path.join(d, 'sig.json'), 'w') as f:
        json.dump(sig, f)
    src = os.path.join(d, 'solution.cpp')
    with open(src, 'w') as f:
        f.write('class Solution {\npublic:\n'
                '    TreeNode* f(TreeNode* r, ListNode* h) {\n'
                '        if (!h) throw 42;\n'
                '        if (h->val == 1) { h->next->next = h; '
                'throw runtime_error("x"); }\n'
                '        return r;\n    }\n};\n')
    ok, msg = compile_cpp(os.path.join(d, 'sig.json'), src,
                          os.path.join(d, 'main'))
    if not ok:
        return msg
    n = 100000
    tree = list(range(n))
    ins = []
    for i, t in enumerate([(tree, [5]), ([1], []), ([1], [1, 2])]):
        p = os.path.join(d, '%d.in' % i)
        with open(p, 'w') as f:
            f.write(json.dumps(t[0]) + '\n' + json.dumps(t[1]) + '\n')
        ins.append(p)
    out = os.path.join(d, 'fd3')
    rc, _, err = run([os.path.join(d, 'main')], make_stdin(d, ins), fd3=out)
    if rc != 0:
        return 'exit %d: %s' % (rc, err.decode())
    return check_records(out, [{"ok": tree}, {"error": "int"},
                               {"error": "std::runtime_error: x"}])


def main():
    tests = []
    for name in sorted(os.listdir(CASES)):
        case = os.path.join(CASES, name)
        for lang, fn in (('py', 'solution.py'), ('cpp', 'solution.cpp')):
            if os.path.exists(os.path.join(case, fn)):
                tests.append(('%s %s' % (lang, name),
                              lambda c=case, l=lang: case_test(c, l)))
    for fn in (t_syntax_error, t_load_error, t_no_solution,
               t_input_protected, t_deep_recursion, t_infinite_recursion,
               t_python_returns, t_cycle, t_unsupported, t_cpp_compile_error,
               t_cpp_stdin_protected, t_cpp_cycle_and_big):
        tests.append((fn.__name__[2:].replace('_', ' '), fn))

    print('1..%d' % len(tests))
    failed = 0
    why = build_pch()
    if why:
        diag('building the precompiled header failed:\n' + why)
    for i, (name, fn) in enumerate(tests, 1):
        try:
            why = fn()
        except Exception as e:  # a broken test is a failed test
            why = '%s: %s' % (type(e).__name__, e)
        if why:
            failed += 1
            print('not ok %d - %s' % (i, name))
            diag(why)
        else:
            print('ok %d - %s' % (i, name))
        sys.stdout.flush()
    if TIMES['pch'] is not None:
        diag('precompiled header built in %.2f s of CPU' % TIMES['pch'])
    if TIMES['compile']:
        c = sorted(TIMES['compile'])
        diag('C++ compiles (%s PCH): %d, CPU median %.2f s, max %.2f s'
             % ('with' if USE_PCH else 'without', len(c), c[len(c) // 2],
                c[-1]))
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
