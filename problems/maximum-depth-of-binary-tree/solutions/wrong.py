# Wrong: treats a node with a single child as a leaf (the leaf test uses
# "or" where it needs "and"), so paths through such nodes are cut short.
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        if not root:
            return 0
        if not root.left or not root.right:
            return 1
        return 1 + max(self.maxDepth(root.left), self.maxDepth(root.right))
