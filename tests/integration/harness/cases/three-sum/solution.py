class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        nums.sort()
        res = set()
        for i in range(len(nums)):
            seen = set()
            for j in range(i + 1, len(nums)):
                if -nums[i] - nums[j] in seen:
                    res.add((nums[i], -nums[i] - nums[j], nums[j]))
                seen.add(nums[j])
        return sorted(res)  # a list of tuples
