class Solution:
    def removeDuplicates(self, nums: List[int]) -> int:
        
