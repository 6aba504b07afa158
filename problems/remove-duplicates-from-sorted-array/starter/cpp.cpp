class Solution {
public:
    int removeDuplicates(vector<int>& nums) {
        
    }
};
