class Solution {
public:
    string longestPalindrome(string s) {
        
    }
};
