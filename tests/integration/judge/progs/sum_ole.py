import sys
s = "y" * 65536
while True:
    sys.stdout.write(s)
