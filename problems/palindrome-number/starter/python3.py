class Solution:
    def isPalindrome(self, x: int) -> bool:
        
