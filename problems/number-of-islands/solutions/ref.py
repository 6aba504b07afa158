class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        m, n = len(grid), len(grid[0])
        seen = [[False] * n for _ in range(m)]
        count = 0
        for i in range(m):
            for j in range(n):
                if grid[i][j] != "1" or seen[i][j]:
                    continue
                count += 1
                seen[i][j] = True
                stack = [(i, j)]
                while stack:
                    r, c = stack.pop()
                    for rr, cc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        if 0 <= rr < m and 0 <= cc < n and grid[rr][cc] == "1" and not seen[rr][cc]:
                            seen[rr][cc] = True
                            stack.append((rr, cc))
        return count
