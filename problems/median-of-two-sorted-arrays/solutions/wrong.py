# Wrong: merges correctly but averages the two middle values with integer
# division, so halves are lost (and negative sums round the wrong way).
class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        merged = sorted(nums1 + nums2)
        k = len(merged)
        if k % 2:
            return merged[k // 2]
        return (merged[k // 2 - 1] + merged[k // 2]) // 2
