# Wrong: jumps the window start to just after the previous occurrence even when
# that occurrence is already outside the window, so the start can move back
# ("abba" gives 3).
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        left = 0
        best = 0
        for i, c in enumerate(s):
            if c in last:
                left = last[c] + 1
            last[c] = i
            best = max(best, i - left + 1)
        return best
