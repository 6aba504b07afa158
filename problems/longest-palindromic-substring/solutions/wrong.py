# Wrong: only expands around single characters, so even-length palindromes
# such as "abba" are never found.
class Solution:
    def longestPalindrome(self, s: str) -> str:
        best = s[:1]
        for c in range(len(s)):
            l = r = c
            while l >= 0 and r < len(s) and s[l] == s[r]:
                l -= 1
                r += 1
            if r - l - 1 > len(best):
                best = s[l + 1:r]
        return best
