class Solution {
public:
    int climbStairs(int n) {
        
    }
};
