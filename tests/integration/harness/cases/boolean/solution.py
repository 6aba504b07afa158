class Solution:
    def isValid(self, s: str) -> bool:
        st = []
        pair = {')': '(', ']': '[', '}': '{'}
        for c in s:
            if c in pair:
                if not st or st.pop() != pair[c]:
                    return False
            else:
                st.append(c)
        return not st
