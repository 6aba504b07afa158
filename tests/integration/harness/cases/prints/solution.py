import sys
print("loaded")   # module-level print: not part of any test's stdout? see run.py
class Solution:
    def climbStairs(self, n: int) -> int:
        if n == 1:
            for _ in range(2000):
                print("y" * 99)
            return 1
        print(f"n={n}")
        a, b = 1, 1
        for i in range(n):
            print("step", i + 1, end="\n", flush=True)
            a, b = b, a + b
        return a
