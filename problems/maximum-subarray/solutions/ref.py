class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        best = nums[0]
        cur = 0
        for x in nums:
            cur = max(cur + x, x)
            if cur > best:
                best = cur
        return best
