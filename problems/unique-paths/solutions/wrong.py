# Wrong (too slow): plain recursion without memoization makes one call per
# path, about 10^9 calls when the answer is near 2 * 10^9.
class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        if m == 1 or n == 1:
            return 1
        return self.uniquePaths(m - 1, n) + self.uniquePaths(m, n - 1)
