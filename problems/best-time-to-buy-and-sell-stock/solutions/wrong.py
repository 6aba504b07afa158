# Wrong: buys at the overall minimum and sells at the highest price after
# it, missing better pairs that lie before the minimum.
class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        i = prices.index(min(prices))
        return max(prices[i:]) - prices[i]
