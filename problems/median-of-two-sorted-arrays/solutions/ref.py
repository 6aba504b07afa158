class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        a, b = nums1, nums2
        if len(a) > len(b):
            a, b = b, a
        m, n = len(a), len(b)
        half = (m + n + 1) // 2
        lo, hi = 0, m
        NEG, POS = float("-inf"), float("inf")
        while lo <= hi:
            i = (lo + hi) // 2          # elements taken from a
            j = half - i                # elements taken from b
            a_left = a[i - 1] if i > 0 else NEG
            a_right = a[i] if i < m else POS
            b_left = b[j - 1] if j > 0 else NEG
            b_right = b[j] if j < n else POS
            if a_left > b_right:
                hi = i - 1
            elif b_left > a_right:
                lo = i + 1
            else:
                left = max(a_left, b_left)
                if (m + n) % 2:
                    return float(left)
                return (left + min(a_right, b_right)) / 2.0
        raise ValueError("inputs are not sorted")
