class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        print("before")
        if not nums:
            raise ValueError("empty input")
        return reduce(xor, nums)
