# Wrong: when merging, takes the end of the later interval instead of the
# larger end, so an interval that contains the next one gets cut short.
class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        intervals.sort()
        out = []
        for start, end in intervals:
            if out and start <= out[-1][1]:
                out[-1][1] = end
            else:
                out.append([start, end])
        return out
