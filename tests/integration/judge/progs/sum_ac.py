a, b = map(float, input().split())
print("%.6f" % (a + b))
