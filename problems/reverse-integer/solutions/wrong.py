# Wrong: reverses the digits but never checks the 32-bit range.
class Solution:
    def reverse(self, x: int) -> int:
        sign = -1 if x < 0 else 1
        return sign * int(str(abs(x))[::-1])
