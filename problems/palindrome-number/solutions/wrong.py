# Wrong: ignores the sign, so -121 is reported as a palindrome.
class Solution:
    def isPalindrome(self, x: int) -> bool:
        s = str(abs(x))
        return s == s[::-1]
