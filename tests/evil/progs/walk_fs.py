# walk_fs.py: list what the box can see. The root may hold only the box's
# directories; nothing may be named like the runner's secrets; /etc holds a
# few harmless files. Walks everything but /usr, /proc and /dev.
# Expected: ok (exit 42 on a breach).
import os, sys

breaches = []
allowed_root = {"box", "tmp", "dev", "proc", "usr", "bin", "lib", "lib32",
                "lib64", "libx32", "sbin", "etc", "progs", "rw"}
for name in sorted(os.listdir("/")):
    if name not in allowed_root:
        breaches.append("unexpected /%s in the box root" % name)
bad_etc = {"shadow", "gshadow", "sudoers", "ssh", "ssl/private", "machine-id"}
for name in os.listdir("/etc"):
    if name in bad_etc:
        breaches.append("/etc/%s is visible" % name)
print("note: /etc has", sorted(os.listdir("/etc")), file=sys.stderr)
count = 0
for top in sorted(os.listdir("/")):
    if top in ("usr", "proc", "dev", "bin", "lib", "lib32", "lib64", "libx32", "sbin"):
        continue
    for root, dirs, files in os.walk("/" + top, followlinks=False):
        for f in dirs + files:
            count += 1
            if "gavel-evil-secret" in f:
                breaches.append("secret file visible: " + os.path.join(root, f))
print("note: walked", count, "names", file=sys.stderr)
for b in breaches:
    print("BREACH:", b, file=sys.stderr)
sys.exit(42 if breaches else 0)
