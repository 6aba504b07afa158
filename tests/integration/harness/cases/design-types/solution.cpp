class Types {
    string t;
public:
    Types(string tag) : t(tag) {}
    vector<bool> bools(vector<bool>& a) {
        vector<bool> r;
        for (bool x : a) r.push_back(!x);
        return r;
    }
    vector<double> doubles(vector<double>& a) {
        for (double &x : a) x *= 2;
        return a;
    }
    vector<vector<char>> grid(vector<vector<char>>& g) {
        reverse(g.begin(), g.end());
        return g;
    }
    vector<ListNode*> lists(vector<ListNode*>& ls) {
        for (auto &h : ls) {
            ListNode *prev = nullptr;
            while (h) { ListNode *n = h->next; h->next = prev; prev = h; h = n; }
            h = prev;
        }
        return ls;
    }
    vector<TreeNode*> trees(vector<TreeNode*>& ts) { return ts; }
    long long big(long long x) { return 2 * x; }
    char ch(char c) { return c - 1; }
    string tag() { return t; }
    int words(vector<vector<string>>& w) {
        int n = 0;
        for (auto &row : w) for (auto &s : row) n += s.size();
        return n;
    }
};
