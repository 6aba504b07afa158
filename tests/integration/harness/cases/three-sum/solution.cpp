class Solution {
public:
    vector<vector<int>> threeSum(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        set<vector<int>> res;
        for (size_t i = 0; i < nums.size(); i++) {
            set<int> seen;
            for (size_t j = i + 1; j < nums.size(); j++) {
                if (seen.count(-nums[i] - nums[j]))
                    res.insert({nums[i], -nums[i] - nums[j], nums[j]});
                seen.insert(nums[j]);
            }
        }
        return vector<vector<int>>(res.begin(), res.end());
    }
};
