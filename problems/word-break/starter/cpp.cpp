class Solution {
public:
    bool wordBreak(string s, vector<string>& wordDict) {
        
    }
};
