"""Tests for number-of-islands. Grids up to 300 x 300, including all land
(one island of 9 * 10^4 cells: recursive flood fills go very deep) and a
single winding island. Answers come from solutions/ref.py."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "_lib"))
import lcgen  # noqa: E402

rng = random.Random(13611)


def grid(m, n, f):
    return [["1" if f(i, j) else "0" for j in range(n)] for i in range(m)]


def rand(m, n, p):
    return [["1" if rng.random() < p else "0" for _ in range(n)] for _ in range(m)]


def snake(m, n):
    """One winding island: full rows joined at alternating ends."""
    def f(i, j):
        if i % 2 == 0:
            return True
        return j == (n - 1 if i % 4 == 1 else 0)
    return grid(m, n, f)


def spiral(m, n):
    g = [["0"] * n for _ in range(m)]
    top, left, bottom, right = 0, 0, m - 1, n - 1
    while top <= bottom and left <= right:
        for j in range(left, right + 1):
            g[top][j] = "1"
        for i in range(top, bottom + 1):
            g[i][right] = "1"
        for j in range(left, right + 1):
            g[bottom][j] = "1"
        for i in range(top + 2, bottom + 1):
            g[i][left] = "1"
        if top + 2 <= bottom:
            g[top + 2][left + 1] = "1"
        top, left, bottom, right = top + 2, left + 2, bottom - 2, right - 2
    return g


def rooms(m, n, size):
    """Blocks of land separated by one-cell water lines."""
    return grid(m, n, lambda i, j: i % (size + 1) != size and j % (size + 1) != size)


samples = [
    [[["1", "1", "0", "0", "1"], ["0", "1", "0", "0", "1"], ["0", "0", "0", "1", "0"],
      ["1", "0", "1", "1", "0"]]],
    [[["1", "0", "1"], ["0", "1", "0"], ["1", "0", "1"]]],
    [[["0", "0"], ["0", "0"]]],
]

cases = [
    [[["0"]]],
    [[["1"]]],
    [[["1", "0", "1", "1", "0", "1"]]],
    [[["1"], ["1"], ["0"], ["1"]]],
    [[["1", "1"], ["1", "1"]]],
    [[["0", "1"], ["1", "0"]]],                       # corners do not connect
    [[["1", "1", "1"], ["1", "0", "1"], ["1", "1", "1"]]],   # a ring
    [grid(5, 5, lambda i, j: (i + j) % 2 == 0)],
    [rand(10, 10, 0.5)],
    [rand(30, 40, 0.4)],
    [spiral(21, 21)],
    [rooms(50, 50, 3)],
    [rand(1, 300, 0.6)],
    [rand(300, 1, 0.6)],
    [grid(300, 1, lambda i, j: True)],
    [grid(100, 100, lambda i, j: i % 2 == 0)],         # stripes
    [rand(100, 300, 0.55)],
    # upper bounds: 300 x 300
    [grid(300, 300, lambda i, j: True)],              # one island of 90000 cells
    [grid(300, 300, lambda i, j: False)],
    [grid(300, 300, lambda i, j: (i + j) % 2 == 0)],  # 45000 islands
    [snake(300, 300)],
    [spiral(300, 300)],
    [rand(300, 300, 0.45)],
    [rand(300, 300, 0.6)],
    [rooms(300, 300, 1)],
    [grid(300, 300, lambda i, j: (i // 3 + j // 3) % 2 == 0)],   # 3x3 tiles touching at corners
]

if __name__ == "__main__":
    lcgen.write_tests(HERE, samples, kind="sample")
    lcgen.write_tests(HERE, cases)
