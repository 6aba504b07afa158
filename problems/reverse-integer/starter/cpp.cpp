class Solution {
public:
    int reverse(int x) {
        
    }
};
