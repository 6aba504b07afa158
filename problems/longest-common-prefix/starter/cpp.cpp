class Solution {
public:
    string longestCommonPrefix(vector<string>& strs) {
        
    }
};
