class Solution {
public:
    int maxArea(vector<int>& height) {
        int i = 0, j = (int)height.size() - 1, best = 0;
        while (i < j) {
            int h = min(height[i], height[j]);
            best = max(best, h * (j - i));
            if (height[i] < height[j]) ++i; else --j;
        }
        return best;
    }
};
