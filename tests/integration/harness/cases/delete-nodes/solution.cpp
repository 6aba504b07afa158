class Solution {
public:
    ListNode* removeElements(ListNode* head, int val) {
        ListNode *dummy = new ListNode(0, head);
        for (ListNode *p = dummy; p->next; ) {
            if (p->next->val == val) {
                ListNode *d = p->next;
                p->next = d->next;
                delete d;  // an input node: must not crash
            } else {
                p = p->next;
            }
        }
        ListNode *r = dummy->next;
        delete dummy;
        return r;
    }
};
