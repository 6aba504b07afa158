class Solution {
public:
    int singleNumber(vector<int>& nums) {
        
    }
};
