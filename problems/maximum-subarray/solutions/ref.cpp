class Solution {
public:
    int maxSubArray(vector<int>& nums) {
        int best = nums[0], cur = 0;
        for (int x : nums) {
            cur = max(cur + x, x);
            best = max(best, cur);
        }
        return best;
    }
};
