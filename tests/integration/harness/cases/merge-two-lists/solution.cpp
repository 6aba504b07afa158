class Solution {
public:
    ListNode* mergeTwoLists(ListNode* a, ListNode* b) {
        ListNode dummy;
        ListNode *t = &dummy;
        while (a && b) {
            ListNode *&m = a->val <= b->val ? a : b;
            t->next = m;
            t = m;
            m = m->next;
        }
        t->next = a ? a : b;
        return dummy.next;
    }
};
