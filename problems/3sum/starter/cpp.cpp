class Solution {
public:
    vector<vector<int>> threeSum(vector<int>& nums) {
        
    }
};
