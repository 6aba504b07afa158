class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        
