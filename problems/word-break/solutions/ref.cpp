class Solution {
public:
    bool wordBreak(string s, vector<string>& wordDict) {
        unordered_set<string> words(wordDict.begin(), wordDict.end());
        set<int> lengths;
        for (const string& w : wordDict) lengths.insert(w.size());
        int n = s.size();
        vector<char> ok(n + 1, 0);
        ok[0] = 1;
        for (int i = 1; i <= n; ++i) {
            for (int L : lengths) {
                if (L > i) break;
                if (ok[i - L] && words.count(s.substr(i - L, L))) {
                    ok[i] = 1;
                    break;
                }
            }
        }
        return ok[n];
    }
};
