# Wrong: greedy. Takes as many of the largest coin as fit, then the next
# one, which is not optimal for every set of coins (and can miss a way
# to pay at all).
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        count = 0
        for c in sorted(coins, reverse=True):
            count += amount // c
            amount %= c
        return count if amount == 0 else -1
