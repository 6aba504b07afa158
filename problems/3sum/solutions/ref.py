class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        # Work on distinct values a <= b <= c with multiplicities; the inner
        # search is a C-level set intersection, so n = 3000 stays fast.
        cnt = Counter(nums)
        vals = sorted(cnt)
        present = set(vals)
        res = []
        for i, a in enumerate(vals):
            if a > 0:
                break
            # c = -a - b for every b >= a that is present, kept when c is present too
            for c in present.intersection(map((-a).__sub__, vals[i:])):
                b = -a - c
                if b < a or c < b:
                    continue
                need = Counter((a, b, c))
                if all(cnt[v] >= k for v, k in need.items()):
                    res.append([a, b, c])
        res.sort()
        return res
