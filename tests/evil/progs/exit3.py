# exit3.py: sys.exit(3). Expected: exited 3.
import sys
sys.exit(3)
