class Solution:
    def addLong(self, a: int, b: int) -> int:
        return a + b
