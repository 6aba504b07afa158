class Solution {
public:
    int maxSubArray(vector<int>& nums) {
        
    }
};
