class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        
