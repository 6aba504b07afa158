# Wrong: keeps a value when it differs from its right neighbour, but the loop
# stops one short, so the last distinct value is never written or counted.
class Solution:
    def removeDuplicates(self, nums: List[int]) -> int:
        k = 0
        for i in range(len(nums) - 1):
            if nums[i] != nums[i + 1]:
                nums[k] = nums[i]
                k += 1
        return k
