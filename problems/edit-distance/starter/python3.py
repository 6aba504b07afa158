class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        
