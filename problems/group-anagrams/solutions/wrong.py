# Wrong: uses the set of letters as the key, so words that use the same
# letters a different number of times ("aab" and "abb") end up together.
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = {}
        for s in strs:
            groups.setdefault("".join(sorted(set(s))), []).append(s)
        return list(groups.values())
