# Wrong: assigns the new left subtree first and then inverts the already
# overwritten left pointer, so the original left subtree is lost.
class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if not root:
            return None
        root.left = self.invertTree(root.right)
        root.right = self.invertTree(root.left)
        return root
