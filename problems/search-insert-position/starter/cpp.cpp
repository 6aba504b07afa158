class Solution {
public:
    int searchInsert(vector<int>& nums, int target) {
        
    }
};
