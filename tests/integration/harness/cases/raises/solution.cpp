class Solution {
public:
    int singleNumber(vector<int>& nums) {
        cout << "before" << endl;
        if (nums.empty())
            throw invalid_argument("empty input");
        return accumulate(nums.begin(), nums.end(), 0, bit_xor<int>());
    }
};
