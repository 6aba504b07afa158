# Kattis output validator: checker input answer feedback_dir < output.
# Accepts any two non-negative integers that sum to the input's n.
import sys

n = int(open(sys.argv[1]).read())
fb = sys.argv[3]
try:
    a, b = map(int, sys.stdin.read().split())
except ValueError:
    open(fb + '/judgemessage.txt', 'w').write('expected two integers')
    sys.exit(43)
if a < 0 or b < 0 or a + b != n:
    open(fb + '/judgemessage.txt', 'w').write('%d + %d != %d' % (a, b, n))
    sys.exit(43)
sys.exit(42)
