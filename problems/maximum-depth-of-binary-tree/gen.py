"""Tests for maximum-depth-of-binary-tree. Trees up to 10^4 nodes, including
chains of 10^4 nodes (depth 10^4: recursive solutions need a deep stack).
Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402
from lcgen import TreeNode  # noqa: E402

rng = random.Random(9207)


def val():
    return rng.randint(-100, 100)


def random_tree(n, recent=None):
    """n nodes; each new node hangs on a free slot of a random earlier node
    (of the last `recent` nodes when given, which makes the tree deeper)."""
    if n == 0:
        return []
    nodes = [TreeNode(val())]
    open_nodes = [nodes[0]]
    for _ in range(n - 1):
        pool = open_nodes if recent is None else open_nodes[-recent:]
        parent = rng.choice(pool)
        child = TreeNode(val())
        if parent.left is None and (parent.right is not None or rng.random() < 0.5):
            parent.left = child
        else:
            parent.right = child
        if parent.left is not None and parent.right is not None:
            open_nodes.remove(parent)
        nodes.append(child)
        open_nodes.append(child)
    return lcgen.tree_to_list(nodes[0])


def chain(n, pattern):
    """A path of n nodes; pattern(i) says whether step i goes left."""
    root = TreeNode(val())
    cur = root
    for i in range(n - 1):
        child = TreeNode(val())
        if pattern(i):
            cur.left = child
        else:
            cur.right = child
        cur = child
    return lcgen.tree_to_list(root)


def perfect(levels):
    return [val() for _ in range(2 ** levels - 1)]


def bst(n):
    """Insert n random values into a BST (duplicates go right)."""
    root = None
    for _ in range(n):
        v = val()
        if root is None:
            root = TreeNode(v)
            continue
        cur = root
        while True:
            if v < cur.val:
                if cur.left is None:
                    cur.left = TreeNode(v)
                    break
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = TreeNode(v)
                    break
                cur = cur.right
    return lcgen.tree_to_list(root)


def broom(handle, bristles):
    """A long chain ending in a perfect tree."""
    root = TreeNode(val())
    cur = root
    for _ in range(handle - 1):
        cur.left = TreeNode(val())
        cur = cur.left
    sub = lcgen.list_to_tree(perfect(bristles))
    cur.right = sub
    return lcgen.tree_to_list(root)


samples = [
    [[1, 2, 3, None, 4, None, None, 5]],
    [[7]],
    [[]],
]

cases = [
    [[]],
    [[0]],
    [[1, 2]],
    [[1, None, 2]],
    [[3, 9, 20, None, None, 15, 7]],
    [[1, 2, 3, 4, None, None, 5, 6, None, None, 7]],
    [[1, None, 2, 3, None, None, 4]],
    [[-100, -100, -100]],
    [perfect(4)],
    [chain(10, lambda i: i % 3 == 0)],
    [random_tree(20)],
    [random_tree(100, recent=3)],
    [bst(200)],
    [random_tree(1000)],
    [random_tree(1000, recent=2)],
    [perfect(13)],                           # 8191 nodes, depth 13
    [bst(10000)],
    [random_tree(10000)],
    [broom(3000, 12)],
    # upper bounds: 10^4 nodes in a single path (depth 10^4)
    [chain(10000, lambda i: True)],
    [chain(10000, lambda i: False)],
    [chain(10000, lambda i: i % 2 == 0)],
    [chain(10000, lambda i: rng.random() < 0.5)],
    [random_tree(10000, recent=2)],
    [random_tree(10000, recent=1)],          # a random path, some right, some left
    [broom(9000, 9)],
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
