a, b = map(int, input().split())
raise ValueError("the program gives up on %d" % a)
