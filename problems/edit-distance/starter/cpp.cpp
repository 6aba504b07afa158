class Solution {
public:
    int minDistance(string word1, string word2) {
        
    }
};
