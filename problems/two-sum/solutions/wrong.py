# Wrong: stores the current element before looking up its complement, so an
# element whose double is the target gets paired with itself.
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            seen[x] = i
            j = seen.get(target - x)
            if j is not None:
                return [j, i]
        return []
