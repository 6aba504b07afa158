"""Tests for invert-binary-tree (up to 100 nodes). Answers come from
solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402
from lcgen import TreeNode  # noqa: E402

rng = random.Random(15813)


def val(lo=-100, hi=100):
    return rng.randint(lo, hi)


def random_tree(n, recent=None, lo=-100, hi=100):
    """n nodes; each new node hangs on a free slot of a random earlier node
    (of the last `recent` open nodes when given, which makes it deeper)."""
    if n == 0:
        return []
    root = TreeNode(val(lo, hi))
    open_nodes = [root]
    for _ in range(n - 1):
        pool = open_nodes if recent is None else open_nodes[-recent:]
        parent = rng.choice(pool)
        child = TreeNode(val(lo, hi))
        if parent.left is None and (parent.right is not None or rng.random() < 0.5):
            parent.left = child
        else:
            parent.right = child
        if parent.left is not None and parent.right is not None:
            open_nodes.remove(parent)
        open_nodes.append(child)
    return lcgen.tree_to_list(root)


def chain(n, pattern):
    root = cur = TreeNode(val())
    for i in range(n - 1):
        child = TreeNode(val())
        if pattern(i):
            cur.left = child
        else:
            cur.right = child
        cur = child
    return lcgen.tree_to_list(root)


samples = [
    [[5, 3, 8, 1, 4, 7, 9]],
    [[1, 2, None, 3]],
    [[]],
]

cases = [
    [[]],
    [[0]],
    [[1, 2]],
    [[1, None, 2]],
    [[2, 1, 3]],
    [[1, 1, 1]],
    [[4, 2, 7, 1, 3, 6, 9]],
    [[1, 2, 3, 4, None, None, 5]],
    [[-100, None, 100, -50]],
    [[10, 5, None, 3, 7, None, None, 6]],
    [list(range(1, 16))],                         # perfect, 4 levels
    [random_tree(10)],
    [random_tree(20, lo=0, hi=3)],                # many equal values
    [random_tree(30, recent=2)],
    [random_tree(50)],
    [list(range(-31, 32))],                       # perfect, 63 nodes
    # upper bounds: 100 nodes
    [[val() for _ in range(100)]],                # complete tree
    [chain(100, lambda i: True)],
    [chain(100, lambda i: False)],
    [chain(100, lambda i: i % 2 == 0)],
    [chain(100, lambda i: rng.random() < 0.5)],
    [random_tree(100)],
    [random_tree(100, recent=3)],
    [random_tree(100, lo=7, hi=7)],               # one value everywhere
    [random_tree(100, recent=1)],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
