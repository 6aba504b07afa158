class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        
