class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # Iterative, so a chain of 10^4 nodes does not hit the recursion limit.
        best = 0
        stack = [(root, 1)] if root else []
        while stack:
            node, d = stack.pop()
            if d > best:
                best = d
            if node.left:
                stack.append((node.left, d + 1))
            if node.right:
                stack.append((node.right, d + 1))
        return best
