# env_secret.py: the runner exports GAVEL_EVIL_SECRET; it must not be in
# os.environ, nor in what a shell's `env` prints, nor in /proc/*/environ.
# Expected: ok (exit 42 on a breach).
import os, subprocess, sys
bad = []
if any("GAVEL_EVIL_SECRET" in k or "GAVEL_EVIL_SECRET" in v for k, v in os.environ.items()):
    bad.append("in os.environ")
out = subprocess.run(["/bin/sh", "-c", "env; cat /proc/1/environ"],
                     capture_output=True).stdout
if b"GAVEL_EVIL_SECRET" in out:
    bad.append("in env / /proc/1/environ seen from a shell")
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open("/proc/%s/environ" % pid, "rb") as f:
                if b"GAVEL_EVIL_SECRET" in f.read():
                    bad.append("in /proc/%s/environ" % pid)
        except OSError:
            pass
for b in bad:
    print("BREACH: secret", b, file=sys.stderr)
sys.exit(42 if bad else 0)
