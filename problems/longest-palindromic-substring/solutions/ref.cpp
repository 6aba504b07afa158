class Solution {
public:
    string longestPalindrome(string s) {
        int n = s.size(), bestStart = 0, bestLen = n ? 1 : 0;
        for (int c = 0; c < n; ++c) {
            for (int odd = 0; odd < 2; ++odd) {
                int l = c, r = odd ? c : c + 1;
                while (l >= 0 && r < n && s[l] == s[r]) { --l; ++r; }
                int len = r - l - 1;
                if (len > bestLen) { bestLen = len; bestStart = l + 1; }
            }
        }
        return s.substr(bestStart, bestLen);
    }
};
