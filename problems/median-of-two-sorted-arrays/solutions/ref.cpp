class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        vector<int>* a = &nums1;
        vector<int>* b = &nums2;
        if (a->size() > b->size()) swap(a, b);
        int m = a->size(), n = b->size();
        int half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        const long long NEG = LLONG_MIN, POS = LLONG_MAX;
        while (lo <= hi) {
            int i = (lo + hi) / 2, j = half - i;
            long long al = i > 0 ? (*a)[i - 1] : NEG;
            long long ar = i < m ? (*a)[i] : POS;
            long long bl = j > 0 ? (*b)[j - 1] : NEG;
            long long br = j < n ? (*b)[j] : POS;
            if (al > br) hi = i - 1;
            else if (bl > ar) lo = i + 1;
            else {
                long long left = max(al, bl);
                if ((m + n) % 2) return (double)left;
                return (left + min(ar, br)) / 2.0;
            }
        }
        return 0.0;
    }
};
