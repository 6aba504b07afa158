# memory_bomb.py: grow a list of 1 MiB bytearrays forever.
# Expected: memory_limit.
chunks = []
while True:
    chunks.append(bytearray(b"x" * (1 << 20)))
