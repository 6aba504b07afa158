class Types:
    def __init__(self, tag: str):
        self.t = tag

    def bools(self, a: List[bool]) -> List[bool]:
        return [not x for x in a]

    def doubles(self, a: List[float]) -> List[float]:
        return map(lambda x: 2 * x, a)

    def grid(self, g: List[List[str]]) -> List[List[str]]:
        return g[::-1]

    def lists(self, ls: List[Optional[ListNode]]) -> List[Optional[ListNode]]:
        out = []
        for h in ls:
            prev = None
            while h:
                h.next, prev, h = prev, h, h.next
            out.append(prev)
        return out

    def trees(self, ts: List[Optional[TreeNode]]) -> List[Optional[TreeNode]]:
        return ts

    def big(self, x: int) -> int:
        return 2 * x

    def ch(self, c: str) -> str:
        return chr(ord(c) - 1)

    def tag(self) -> str:
        return self.t

    def words(self, w: List[List[str]]) -> int:
        return sum(len(s) for row in w for s in row)
