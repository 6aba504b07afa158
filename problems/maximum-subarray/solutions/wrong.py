# Wrong: Kadane with the best sum starting at 0, so an array of only
# negative numbers gives 0 instead of its largest element.
class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        best = cur = 0
        for x in nums:
            cur = max(0, cur + x)
            best = max(best, cur)
        return best
