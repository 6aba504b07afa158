# Wrong: keeps one counter per bracket kind, which checks counts and never
# closing before opening, but not the nesting order: "([)]" passes.
class Solution:
    def isValid(self, s: str) -> bool:
        depth = {"(": 0, "[": 0, "{": 0}
        match = {")": "(", "]": "[", "}": "{"}
        for c in s:
            if c in depth:
                depth[c] += 1
            else:
                depth[match[c]] -= 1
                if depth[match[c]] < 0:
                    return False
        return all(v == 0 for v in depth.values())
