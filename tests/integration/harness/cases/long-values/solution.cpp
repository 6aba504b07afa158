class Solution {
public:
    long long addLong(long long a, long long b) { return a + b; }
};
