# Wrong: when a larger letter follows a smaller one it adds (cur - prev), but
# prev was already added once, so it should subtract it twice.
class Solution:
    def romanToInt(self, s: str) -> int:
        value = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
        total = 0
        prev = 0
        for c in s:
            cur = value[c]
            if cur > prev:
                total += cur - prev
            else:
                total += cur
            prev = cur
        return total
