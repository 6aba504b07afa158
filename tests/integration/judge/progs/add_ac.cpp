class Solution {
public:
    int addTwo(int a, int b) { cout << "debug " << a << "\n"; return a + b; }
};
