class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        m, n = len(grid), len(grid[0])
        def sink(i, j):
            if 0 <= i < m and 0 <= j < n and grid[i][j] == "1":
                grid[i][j] = "0"
                for a, b in pairwise((0, 1, 0, -1, 0)):
                    sink(i + a, j + b)
                return 1
            return 0
        return sum(sink(i, j) for i in range(m) for j in range(n))
