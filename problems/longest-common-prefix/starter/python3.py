class Solution:
    def longestCommonPrefix(self, strs: List[str]) -> str:
        
