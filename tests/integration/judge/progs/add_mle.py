class Solution:
    def addTwo(self, a: int, b: int) -> int:
        keep = []
        while True:
            keep.append(bytearray(16 << 20))
