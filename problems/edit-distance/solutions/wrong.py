# Wrong: counts only insertions and deletions (via the longest common
# subsequence), forgetting that one replacement can do the work of both.
class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        n = len(word2)
        prev = [0] * (n + 1)
        for a in word1:
            cur = [0] * (n + 1)
            for j, b in enumerate(word2, 1):
                cur[j] = prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1])
            prev = cur
        return len(word1) + len(word2) - 2 * prev[n]
