class Solution {
public:
    int maxProfit(vector<int>& prices) {
        int low = prices[0], best = 0;
        for (int p : prices) {
            low = min(low, p);
            best = max(best, p - low);
        }
        return best;
    }
};
