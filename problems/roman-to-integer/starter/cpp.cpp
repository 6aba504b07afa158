class Solution {
public:
    int romanToInt(string s) {
        
    }
};
