# busy_loop.py: spin forever. Expected: time_limit.
x = 0
while True:
    x += 1
