"""lcgen: shared helpers for the gen.py scripts of Gavel's bundled problems.

Typical gen.py:

    import os, random, sys
    HERE = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
    import lcgen

    rng = random.Random(12345)
    cases = [[[2, 7, 11, 15], 9], ...]          # one list of arguments per test
    lcgen.write_tests(HERE, cases)              # answers come from solutions/ref.py

Stable API (other problems' generators depend on it; only add, never change):

    ListNode, TreeNode                  LeetCode's node classes
    list_to_linked(arr) / linked_to_list(head)
    list_to_tree(arr)   / tree_to_list(root)     (level order, null, trailing nulls trimmed)
    to_json(value)                      ListNode/TreeNode/tuple/iterable -> plain JSON value
    dump(value)                         compact JSON text, one line (no trailing newline)
    load_solution(path)                 the Solution class of a LeetCode-style .py file
    load_ref(problem_dir)               Solution class of <problem_dir>/solutions/ref.py
    load_problem(problem_dir)           parsed problem.json
    call_solution(cls, signature, args) run one test: JSON args in, JSON answer out
    ref_solver(problem_dir)             solve(*args) -> JSON answer, using ref.py
    write_tests(problem_dir, cases, solve=None, kind="secret", start=1)
    read_tests(problem_dir, kind)       [(name, [args...], answer), ...]
    compare(mode, got, expected, tolerance=1e-5)  bool (not for mode "checker")
"""

import collections
import copy
import glob
import importlib.util
import json
import math
import os
from typing import List, Optional

__all__ = [
    "ListNode", "TreeNode", "list_to_linked", "linked_to_list", "list_to_tree",
    "tree_to_list", "to_json", "dump", "load_solution", "load_ref",
    "load_problem", "call_solution", "ref_solver", "write_tests", "read_tests",
    "compare", "PRELUDE",
]


# ---------------------------------------------------------------- node types

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return "ListNode(%s)" % dump(linked_to_list(self))


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(%s)" % dump(tree_to_list(self))


def list_to_linked(arr):
    """[1,2,3] -> 1->2->3 (None for [])."""
    head = None
    for v in reversed(list(arr)):
        head = ListNode(v, head)
    return head


def linked_to_list(head, limit=10**7):
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
        if len(out) > limit:
            raise ValueError("linked list too long (cycle?)")
    return out


def list_to_tree(arr):
    """LeetCode level order ([3,9,20,null,null,15,7]) -> TreeNode (None for [])."""
    arr = list(arr)
    if not arr or arr[0] is None:
        return None
    root = TreeNode(arr[0])
    queue = collections.deque([root])
    i = 1
    while queue and i < len(arr):
        node = queue.popleft()
        if i < len(arr) and arr[i] is not None:
            node.left = TreeNode(arr[i])
            queue.append(node.left)
        i += 1
        if i < len(arr) and arr[i] is not None:
            node.right = TreeNode(arr[i])
            queue.append(node.right)
        i += 1
    return root


def tree_to_list(root):
    """TreeNode -> level order with None for missing children, trailing Nones trimmed."""
    if root is None:
        return []
    out = []
    queue = collections.deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


# ---------------------------------------------------------------- JSON

def to_json(value):
    """Turn a returned value into a plain JSON value, as LeetCode accepts it:
    ListNode/TreeNode -> arrays, tuples and other non-string iterables -> lists."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, ListNode):
        return linked_to_list(value)
    if isinstance(value, TreeNode):
        return tree_to_list(value)
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if hasattr(value, "val") and hasattr(value, "next"):      # a foreign ListNode
        out = []
        while value is not None:
            out.append(value.val)
            value = value.next
        return out
    if hasattr(value, "val") and hasattr(value, "left"):      # a foreign TreeNode
        return tree_to_list(_retree(value))
    try:
        return [to_json(v) for v in value]
    except TypeError:
        raise TypeError("cannot turn %r into JSON" % (value,))


def _retree(node):
    if node is None:
        return None
    return TreeNode(node.val, _retree(node.left), _retree(node.right))


def dump(value):
    """Compact one-line JSON (no spaces, ASCII only, no trailing newline)."""
    return json.dumps(to_json(value), separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


# ---------------------------------------------------------------- solutions

# What LeetCode's Python 3 environment has in scope before the user's code.
PRELUDE = """\
from typing import *
import collections, functools, itertools, heapq, bisect, math, operator, string, re, sys, copy, random
from collections import *
from functools import *
from itertools import *
from heapq import *
from bisect import *
from math import *
from operator import *
from string import *
"""


def load_solution(path):
    """Execute a LeetCode-style Python file (with LeetCode's implicit imports and
    ListNode/TreeNode in scope) and return its Solution class."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    ns = {"__name__": "solution", "__file__": path}
    exec(compile(PRELUDE, "<prelude>", "exec"), ns)
    ns["ListNode"] = ListNode
    ns["TreeNode"] = TreeNode
    exec(compile(src, path, "exec"), ns)
    if "Solution" not in ns:
        raise ValueError("%s defines no class Solution" % path)
    return ns["Solution"]


def load_ref(problem_dir):
    return load_solution(os.path.join(problem_dir, "solutions", "ref.py"))


def load_problem(problem_dir):
    with open(os.path.join(problem_dir, "problem.json"), encoding="utf-8") as f:
        return json.load(f)


def _from_json(typ, value):
    """JSON argument -> Python argument of LeetCode type `typ`."""
    if value is None:
        return None
    if typ == "ListNode":
        return list_to_linked(value)
    if typ == "TreeNode":
        return list_to_tree(value)
    if typ.endswith("[]"):
        return [_from_json(typ[:-2], v) for v in value]
    if typ.startswith("list<") and typ.endswith(">"):
        return [_from_json(typ[5:-1], v) for v in value]
    return copy.deepcopy(value)


def call_solution(cls, signature, args):
    """Call Solution().<name>(*args) for one test of a function problem.
    `args` are the JSON values of the .in lines; they are copied, never reused.
    Returns the JSON value to judge (honours "output": {"paramindex": N})."""
    params = signature.get("params", [])
    if len(params) != len(args):
        raise ValueError("%d params but %d arguments" % (len(params), len(args)))
    pyargs = [_from_json(p["type"], a) for p, a in zip(params, args)]
    result = getattr(cls(), signature["name"])(*pyargs)
    out = signature.get("output")
    if out and "paramindex" in out:
        judged = to_json(pyargs[out["paramindex"]])
        if signature.get("return", {}).get("type") in ("integer", "long") \
                and isinstance(judged, list):
            if not isinstance(result, int) or isinstance(result, bool):
                raise TypeError("expected an integer k, got %r" % (result,))
            judged = judged[:max(0, result)]
        return judged
    rtype = signature.get("return", {}).get("type")
    if rtype == "double" and isinstance(result, int) and not isinstance(result, bool):
        result = float(result)
    if rtype in ("ListNode", "TreeNode") and result is None:
        return []                       # LeetCode shows an empty list/tree as []
    return to_json(result)


def ref_solver(problem_dir):
    """solve(*args) -> JSON answer, computed by solutions/ref.py per problem.json."""
    cls = load_ref(problem_dir)
    sig = load_problem(problem_dir)["signature"]
    return lambda *args: call_solution(cls, sig, list(args))


# ---------------------------------------------------------------- test files

def write_tests(problem_dir, cases, solve=None, kind="secret", start=1):
    """Write <problem_dir>/tests/<kind>/NN.in and NN.ans for every case.

    cases: list of argument lists, each argument a JSON value (ListNode and
    TreeNode as arrays). solve(*args) returns the answer (any value to_json
    accepts); None means "use solutions/ref.py" (ref_solver). Arguments are
    deep-copied before solve sees them. Old NN.in/NN.ans files in the directory
    are removed first (when start == 1), so re-running reproduces the same set.
    Numbering is 2-digit (01, 02, ...; 3 digits past 99)."""
    if solve is None:
        solve = ref_solver(problem_dir)
    d = os.path.join(problem_dir, "tests", kind)
    os.makedirs(d, exist_ok=True)
    if start == 1:
        for p in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            os.remove(p)
    width = 2 if start + len(cases) - 1 <= 99 else 3
    for i, args in enumerate(cases, start):
        args = [to_json(a) for a in args]
        name = "%0*d" % (width, i)
        answer = solve(*copy.deepcopy(args))
        with open(os.path.join(d, name + ".in"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(dump(a) + "\n" for a in args))
        with open(os.path.join(d, name + ".ans"), "w", encoding="utf-8", newline="\n") as f:
            f.write(dump(answer) + "\n")
    return len(cases)


def read_tests(problem_dir, kind="secret"):
    """[(name, args, answer)] for tests/<kind>/, sorted by name."""
    d = os.path.join(problem_dir, "tests", kind)
    out = []
    for p in sorted(glob.glob(os.path.join(d, "*.in"))):
        name = os.path.basename(p)[:-3]
        with open(p, encoding="utf-8") as f:
            args = [json.loads(line) for line in f.read().splitlines() if line.strip()]
        with open(p[:-3] + ".ans", encoding="utf-8") as f:
            answer = json.loads(f.read())
        out.append((name, args, answer))
    return out


# ---------------------------------------------------------------- comparison

def _num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _eq(a, b, tol):
    if tol is not None and _num(a) and _num(b):
        if isinstance(a, int) and isinstance(b, int):
            return a == b
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return False
        return abs(a - b) <= tol or abs(a - b) <= tol * max(abs(a), abs(b))
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    if _num(a) and _num(b):
        if isinstance(a, int) and isinstance(b, int):
            return a == b
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_eq(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_eq(a[k], b[k], tol) for k in a)
    return type(a) is type(b) and a == b


def _canon(v):
    """Canonical form with every list sorted (for unordered_deep)."""
    if isinstance(v, list):
        return sorted((_canon(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    return v


def compare(mode, got, expected, tolerance=1e-5):
    """True when `got` is accepted against `expected` (both JSON values)."""
    got = to_json(got)
    if mode == "exact":
        return _eq(got, expected, None)
    if mode == "float":
        return _eq(got, expected, tolerance)
    if mode == "unordered":
        if not isinstance(got, list) or not isinstance(expected, list):
            return _eq(got, expected, None)
        key = lambda x: json.dumps(x, sort_keys=True)
        return _eq(sorted(got, key=key), sorted(expected, key=key), None)
    if mode == "unordered_deep":
        return _eq(_canon(got), _canon(expected), None)
    raise ValueError("compare mode %r needs a checker" % mode)
