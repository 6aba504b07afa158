# recursion.py: lift the recursion limit and recurse forever. Python 3.11
# keeps Python-to-Python frames off the C stack, so this eats heap.
# Expected: memory_limit.
import sys
sys.setrecursionlimit(10**9)
def f(n):
    return f(n + 1) + 1
f(0)
