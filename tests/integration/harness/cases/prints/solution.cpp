static const int fast_io = [] {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    return 0;
}();
class Solution {
public:
    int climbStairs(int n) {
        if (n == 1) {
            for (int i = 0; i < 2000; i++)
                cout << string(99, 'y') << '\n';
            return 1;
        }
        printf("n=%d\n", n);
        fflush(stdout);
        int a = 1, b = 1;
        for (int i = 0; i < n; i++) {
            cout << "step " << i + 1 << "\n";
            int c = a + b; a = b; b = c;
        }
        return a;
    }
};
