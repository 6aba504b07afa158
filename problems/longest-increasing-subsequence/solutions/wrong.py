# Wrong: uses bisect_right, which finds the longest non-decreasing
# subsequence; equal values are counted as if they were increasing.
class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        from bisect import bisect_right
        tails = []
        for x in nums:
            i = bisect_right(tails, x)
            if i == len(tails):
                tails.append(x)
            else:
                tails[i] = x
        return len(tails)
