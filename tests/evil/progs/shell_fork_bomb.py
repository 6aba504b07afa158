# shell_fork_bomb.py: exec /bin/sh with the shell fork bomb f(){ f|f& };f,
# then let the shell spin. Expected: time_limit; nothing survives.
import os
os.execv("/bin/sh", ["sh", "-c", "f(){ f|f & }; f; while :; do :; done"])
