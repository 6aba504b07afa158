class Solution {
public:
    bool isPalindrome(int x) {
        
    }
};
