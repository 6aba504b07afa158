# shell_fork_bomb.py: exec /bin/sh with the shell fork bomb f(){ f|f& };f
# and keep the shell alive with a sleep. Expected: time_limit; nothing
# survives.
import os
os.execv("/bin/sh", ["sh", "-c", "f(){ f|f & }; f; sleep 30"])
