class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& strs) {
        map<string, int> idx;
        vector<vector<string>> res;
        for (auto &s : strs) {
            string k = s;
            sort(k.begin(), k.end());
            auto [it, fresh] = idx.try_emplace(k, (int)res.size());
            if (fresh) res.emplace_back();
            res[it->second].push_back(s);
        }
        return res;
    }
};
