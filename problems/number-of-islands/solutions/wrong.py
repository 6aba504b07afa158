# Wrong: also joins cells that touch only at a corner (8 neighbours), but
# islands are connected horizontally and vertically only.
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        m, n = len(grid), len(grid[0])
        count = 0
        for i in range(m):
            for j in range(n):
                if grid[i][j] != "1":
                    continue
                count += 1
                grid[i][j] = "0"
                stack = [(i, j)]
                while stack:
                    r, c = stack.pop()
                    for dr in (-1, 0, 1):
                        for dc in (-1, 0, 1):
                            rr, cc = r + dr, c + dc
                            if 0 <= rr < m and 0 <= cc < n and grid[rr][cc] == "1":
                                grid[rr][cc] = "0"
                                stack.append((rr, cc))
        return count
