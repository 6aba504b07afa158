# Wrong: greedy. Always cuts off the longest dictionary word that starts
# the rest of the string and never backtracks.
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = sorted(set(wordDict), key=len, reverse=True)
        i = 0
        while i < len(s):
            for w in words:
                if s.startswith(w, i):
                    i += len(w)
                    break
            else:
                return False
        return True
