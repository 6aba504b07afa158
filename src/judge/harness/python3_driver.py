# judge/harness/python3_driver.py -- runs a LeetCode-style `class Solution`
# inside the sandbox and reports one JSON record per test on fd 3.
#
# Run as:   /usr/bin/python3 -I -S /gavel/python3_driver.py /box/solution.py
#           stdin: the protocol below; fd 3: a pipe the judge reads.
#
# Protocol (shared with the C++ harness, see lc.hpp):
#   stdin  line 1: the signature (LeetCode metaData, one JSON line)
#          line 2: the number of tests N
#          then per test one line per parameter, one JSON value each
#          (design problems, with "classname": two lines, the calls
#          ["LRUCache","put",...] and their arguments [[2],[1,1],...];
#          the answer is the list of results, null for the constructor
#          and for void methods)
#   fd 3   "READY" once the user's code is loaded, then per test one line
#          {"ok": <value>, "stdout": "..."} or {"error": "T: msg", "stdout": ...}
#   exit   0 all tests ran; 2 the source does not compile (SyntaxError,
#          before READY); 1 the module body raised (before READY);
#          3 the harness was misused (bad protocol input, no fd 3).
#
# The user's own prints are captured per test (sys.stdout is swapped) and
# capped at 64 KB; tracebacks go to stderr.  fd 0 is replaced with
# /dev/null, so a solution calling input() cannot eat the protocol.

import json
import os
import sys

# Everything the user's code sees, as on LeetCode's Python 3: the public
# names of the common modules, then the modules themselves (so `random` is
# the module, not random.random).  `from sys import *` is cut down to a few
# names: all of it would bind `stdout` to the real stream past the capture.
# typing's deprecated aliases Counter, OrderedDict and ChainMap are put
# back to the collections classes (faster to call, and subclassable).
_PRELUDE = """\
from string import *
from re import *
from datetime import *
from collections import *
from heapq import *
from bisect import *
from copy import *
from math import *
from random import *
from statistics import *
from itertools import *
from functools import *
from operator import *
from io import *
from json import *
from builtins import *
from typing import *
from collections import ChainMap, Counter, OrderedDict
from sys import maxsize, setrecursionlimit, getrecursionlimit, intern, exit
import string, re, datetime, collections, heapq, bisect, copy, math, \
random, statistics, itertools, functools, operator, io, json, typing, sys
try:
    from sortedcontainers import *
except ImportError:
    pass
inf = float('inf')

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
"""

STDOUT_CAP = 64 * 1024
NODE_CAP = 1 << 22  # more nodes than this in a returned tree: a cycle
TB_FRAMES = 30      # frames of a traceback printed to stderr
# Deep enough for a recursive DFS over 10^5 cells or nodes.  Not 10^6: an
# infinite recursion would take ~400 MB of frames and end as MLE, not as
# the RecursionError the user should see.
RECURSION_LIMIT = 300000


class _Buf:
    """sys.stdout.buffer of the capture: bytes are decoded into it."""

    __slots__ = ('out',)

    def __init__(self, out):
        self.out = out

    def write(self, b):
        self.out.write(bytes(b).decode('utf-8', 'replace'))
        return len(b)

    def flush(self):
        pass


class _Out:
    """A sys.stdout stand-in that keeps the first STDOUT_CAP characters."""

    __slots__ = ('parts', 'n', 'buffer')
    encoding = 'utf-8'
    errors = 'strict'

    def __init__(self):
        self.parts = []
        self.n = 0
        self.buffer = _Buf(self)

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not '
                            + type(s).__name__)
        if self.n < STDOUT_CAP:
            self.parts.append(s[:STDOUT_CAP - self.n])
        self.n += len(s)
        return len(s)

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def fileno(self):
        raise OSError('stdout is captured')

    def take(self):
        s = ''.join(self.parts)
        self.parts = []
        self.n = 0
        return s


def _die(msg, code=3):
    sys.stderr.write('gavel harness: %s\n' % msg)
    sys.stderr.flush()
    os._exit(code)


# -------------------------------------------------------------- types

def _parse_type(t):
    """'list<integer[]>' -> ('list', ('list', 'integer'))."""
    t = t.strip()
    if t.endswith('[]'):
        return ('list', _parse_type(t[:-2]))
    if t.startswith('list<') and t.endswith('>'):
        return ('list', _parse_type(t[5:-1]))
    return t


_PLAIN = frozenset(('integer', 'long', 'boolean', 'string', 'character'))


def _plain(t):
    """True if values of type t need no conversion in either direction."""
    while isinstance(t, tuple):
        t = t[1]
    return t in _PLAIN


def _tname(t):
    return _tname(t[1]) + '[]' if isinstance(t, tuple) else t


# -------------------------------------------------------------- input

def _make_list(a, ListNode):
    head = None
    for v in reversed(a):
        head = ListNode(v, head)
    return head


def _make_tree(a, TreeNode):
    if not a or a[0] is None:
        return None
    root = TreeNode(a[0])
    level = [root]
    i, n = 1, len(a)
    while level and i < n:
        nxt = []
        for node in level:
            if i < n:
                if a[i] is not None:
                    node.left = TreeNode(a[i])
                    nxt.append(node.left)
                i += 1
            if i < n:
                if a[i] is not None:
                    node.right = TreeNode(a[i])
                    nxt.append(node.right)
                i += 1
        level = nxt
    return root


def _arg(v, t, ns):
    if isinstance(t, tuple):
        if v is None:
            return None
        if _plain(t):
            return v
        return [_arg(x, t[1], ns) for x in v]
    if t == 'ListNode':
        return _make_list(v, ns['ListNode']) if v is not None else None
    if t == 'TreeNode':
        return _make_tree(v, ns['TreeNode']) if v is not None else None
    if t == 'double' and v is not None:
        return float(v)
    return v


# -------------------------------------------------------------- output

class _Bad(Exception):
    """A returned value that cannot be judged (LeetCode's wording)."""


def _bad(v, t):
    r = repr(v)
    if len(r) > 60:
        r = r[:57] + '...'
    raise _Bad('TypeError: %s is not valid value for the expected return '
               'type %s' % (r, _tname(t)))


def _list_out(v):
    out = []
    seen = set()
    while v is not None:
        if id(v) in seen:
            raise _Bad('Error: Found cycle in the ListNode')
        seen.add(id(v))
        out.append(_json(v.val))
        v = v.next
    return out


def _tree_out(root):
    out = []
    if root is None:
        return out
    level = [root]
    seen = 0
    while level:
        nxt = []
        for node in level:
            if node is None:
                out.append(None)
                continue
            seen += 1
            if seen > NODE_CAP:
                raise _Bad('Error: Found cycle in the TreeNode')
            out.append(_json(node.val))
            nxt.append(node.left)
            nxt.append(node.right)
        level = nxt
    while out and out[-1] is None:
        out.pop()
    return out


def _json(v):
    """Turn any value into plain JSON data, without a declared type."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if v == v and v not in (_INF, -_INF) else None
    cls = type(v).__name__
    if cls == 'ListNode' and hasattr(v, 'next'):
        return _list_out(v)
    if cls == 'TreeNode' and hasattr(v, 'left'):
        return _tree_out(v)
    if isinstance(v, dict):
        return {str(k): _json(x) for k, x in v.items()}
    if isinstance(v, (bytes, bytearray)):
        return v.decode('utf-8', 'replace')
    try:
        it = iter(v)
    except TypeError:
        raise _Bad('TypeError: %s is not valid value for the expected '
                   'return type' % type(v).__name__) from None
    return [_json(x) for x in it]


_INF = float('inf')


def _value(v, t):
    """Turn a returned value into JSON data, guided by the declared type."""
    if isinstance(t, tuple):
        if v is None or isinstance(v, (str, bytes, dict, int, float)):
            _bad(v, t)
        if type(v) is list and _plain(t):
            return v
        try:
            it = iter(v)
        except TypeError:
            _bad(v, t)
        et = t[1]
        return [_value(x, et) for x in it]
    if t in ('integer', 'long'):
        if type(v) is int:
            return v
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, int):
            return int(v)
        if isinstance(v, float) and v.is_integer():
            return int(v)
        _bad(v, t)
    if t == 'double':
        if isinstance(v, (int, float)):
            return _json(float(v))
        _bad(v, t)
    if t == 'boolean':
        if isinstance(v, (bool, int)):
            return bool(v)
        _bad(v, t)
    if t in ('string', 'character'):
        if isinstance(v, str):
            return v
        _bad(v, t)
    if t == 'ListNode':
        return _list_out(v)
    if t == 'TreeNode':
        return _tree_out(v)
    if t == 'void':
        return None
    return _json(v)


def _dumps(v):
    return json.dumps(v, ensure_ascii=False, separators=(',', ':'),
                   allow_nan=False)


# -------------------------------------------------------------- main

def _err_name(e):
    name = type(e).__name__
    msg = str(e)
    return name + ': ' + msg if msg else name


def _print_tb(e, src):
    """The traceback of e on stderr, the user's frames only, the last
    TB_FRAMES of them (a RecursionError has hundreds of thousands)."""
    import linecache
    import traceback
    linecache.cache['solution.py'] = (len(src), None,
                                      src.splitlines(True), 'solution.py')
    tb = e.__traceback__
    # Drop the harness's own frames: show the user's code only.
    while tb is not None and tb.tb_frame.f_code.co_filename != 'solution.py':
        tb = tb.tb_next
    n, last = 0, tb
    while last is not None:
        n += 1
        last = last.tb_next
    err = sys.__stderr__
    if n > TB_FRAMES:
        for _ in range(n - TB_FRAMES):
            tb = tb.tb_next
        err.write('(the first %d frames of the traceback are left out)\n'
                  % (n - TB_FRAMES))
    traceback.print_exception(type(e), e, tb, file=err)
    err.flush()


def _put(chan, data):
    """Write all of data to the result channel (a pipe may take less)."""
    view = memoryview(data)
    while view:
        n = chan.write(view)
        view = view[n:]


def main():
    if len(sys.argv) != 2:
        _die('usage: python3 -I -S python3_driver.py /box/solution.py')
    try:
        chan = os.fdopen(3, 'wb', buffering=0)
    except OSError:
        _die('fd 3 (the result channel) is not open')

    # Keep the protocol on a private descriptor, give the user /dev/null.
    proto = os.fdopen(os.dup(0), 'rb')
    try:
        nul = os.open(os.devnull, os.O_RDONLY)
    except OSError:
        nul, w = os.pipe()  # no /dev/null: an empty pipe reads as EOF
        os.close(w)
    os.dup2(nul, 0)
    os.close(nul)

    try:
        sig = json.loads(proto.readline())
        ntests = int(proto.readline())
        design = 'classname' in sig
        if design:
            # A design problem: per test, the list of calls and the list
            # of their arguments; the constructor comes first.
            name = sig['classname']
            ctor = [_parse_type(p['type'])
                    for p in sig.get('constructor', {}).get('params', [])]
            methods = {m['name']: ([_parse_type(p['type'])
                                    for p in m.get('params', [])],
                                   _parse_type(m.get('return', {})
                                               .get('type', 'void')))
                       for m in sig.get('methods', [])}
            ptypes = ['calls', 'args']
            outidx = None
        else:
            name = sig['name']
            ptypes = [_parse_type(p['type']) for p in sig['params']]
            rtype = _parse_type(sig.get('return', {}).get('type', 'void'))
            outidx = sig.get('output', {}).get('paramindex')
    except Exception as e:
        _die('bad protocol header: %s' % _err_name(e))
    loads = json.loads
    nparams = len(ptypes)
    if outidx is not None and not 0 <= outidx < nparams:
        _die('output.paramindex %r out of range' % (outidx,))

    with open(sys.argv[1], encoding='utf-8', errors='replace') as f:
        src = f.read()
    try:
        code = compile(src, 'solution.py', 'exec')
    except (SyntaxError, ValueError) as e:
        _print_tb(e, src)
        os._exit(2)

    ns = {'__name__': '__main__', '__builtins__': __builtins__}
    exec(compile(_PRELUDE, '<gavel prelude>', 'exec'), ns)
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        want = 512 << 20
        if soft != resource.RLIM_INFINITY and soft < want:
            if hard != resource.RLIM_INFINITY:
                want = min(want, hard)
            resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    except (ImportError, ValueError, OSError):
        pass

    out = _Out()
    real_stdout = sys.stdout
    sys.stdout = out
    try:
        exec(code, ns)
    except BaseException as e:
        sys.stdout = real_stdout
        _print_tb(e, src)
        os._exit(1)
    sys.stdout = real_stdout
    sol_cls = ns.get(name if design else 'Solution')
    if sol_cls is None:
        sys.stderr.write("NameError: name '%s' is not defined\n"
                         % (name if design else 'Solution'))
        sys.stderr.flush()
        os._exit(1)

    def run_design(calls, argss):
        """The results of one design test: null for the constructor."""
        if (not isinstance(calls, list) or not isinstance(argss, list)
                or len(calls) != len(argss) or not calls):
            _die('bad test input: a design test needs two lists of the '
                 'same length')
        res = [None]
        obj = sol_cls(*[_arg(v, t, ns) for v, t in zip(argss[0], ctor)])
        for m, a in zip(calls[1:], argss[1:]):
            try:
                pt, rt = methods[m]
            except KeyError:
                _die('bad test input: no method %r in the signature' % m)
            r = getattr(obj, m)(*[_arg(v, t, ns) for v, t in zip(a, pt)])
            res.append(None if rt == 'void' else _value(r, rt))
        return res

    _put(chan, b'READY\n')
    for _ in range(ntests):
        try:
            args = []
            for t in ptypes:
                line = proto.readline()
                if not line:
                    _die('input ended early')
                v = loads(line)
                args.append(v if design else _arg(v, t, ns))
        except ValueError as e:
            _die('bad test input: %s' % e)
        sys.stdout = out
        try:
            if design:
                val = run_design(*args)
            else:
                ret = getattr(sol_cls(), name)(*args)
                if outidx is None:
                    val = _value(ret, rtype)
                else:
                    # In place: the argument after the call, cut to the
                    # first k elements when the call returned k.
                    arg = args[outidx]
                    if (type(ret) is int and isinstance(arg, list)
                            and 0 <= ret <= len(arg)):
                        arg = arg[:ret]
                    val = _value(arg, ptypes[outidx])
            sys.stdout = real_stdout
            try:
                rec = '{"ok":' + _dumps(val)
            except (ValueError, TypeError):
                rec = '{"ok":' + _dumps(_json(val))
        except _Bad as e:
            sys.stdout = real_stdout
            rec = '{"error":' + _dumps(str(e))
        except BaseException as e:
            sys.stdout = real_stdout
            _print_tb(e, src)
            rec = '{"error":' + _dumps(_err_name(e)[:1000])
        rec += ',"stdout":' + _dumps(out.take()) + '}\n'
        _put(chan, rec.encode('utf-8', 'replace'))
        ret = args = val = None
    chan.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == '__main__':
    main()
