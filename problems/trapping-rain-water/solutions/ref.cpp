class Solution {
public:
    int trap(vector<int>& height) {
        int i = 0, j = (int)height.size() - 1, lmax = 0, rmax = 0;
        long long water = 0;
        while (i < j) {
            if (height[i] < height[j]) {
                lmax = max(lmax, height[i]);
                water += lmax - height[i++];
            } else {
                rmax = max(rmax, height[j]);
                water += rmax - height[j--];
            }
        }
        return (int)water;
    }
};
