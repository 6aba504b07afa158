class Solution {
public:
    int addTwo(int a, int b) { if (a < 0) abort(); return a + b; }
};
