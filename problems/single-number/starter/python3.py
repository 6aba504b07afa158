class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        
