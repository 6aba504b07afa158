class Solution {
public:
    int uniquePaths(int m, int n) {
        
    }
};
