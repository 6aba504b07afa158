# Wrong: loops while cur.next exists and then links the last node, which
# works for non-empty lists but fails on an empty one (None.next).
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev, cur = None, head
        while cur.next:
            nxt = cur.next
            cur.next = prev
            prev, cur = cur, nxt
        cur.next = prev
        return cur
