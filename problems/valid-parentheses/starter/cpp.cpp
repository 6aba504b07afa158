class Solution {
public:
    bool isValid(string s) {
        
    }
};
