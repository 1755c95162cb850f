#!/usr/bin/env python3
"""The digest VersionGuardTests compares with Fixtures/golden/versions.txt, worked out
independently of kaimen: SHA-256 over every file under Fixtures/golden/*/out/, in order of
relative path (UTF-8 bytes), each as its path, NUL, its size in decimal, NUL, its bytes.

    python3 Tests/KaimenKitTests/Fixtures/reference/versions/versions_digest.py    # prints the digest
"""
import hashlib
import os

golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden")
files = []
for sample in os.listdir(golden):
    out = os.path.join(golden, sample, "out")
    for folder, _, names in os.walk(out):
        for name in names:
            full = os.path.join(folder, name)
            files.append((os.path.relpath(full, golden).replace(os.sep, "/").encode("utf-8"), full))
h = hashlib.sha256()
for path, full in sorted(files):
    data = open(full, "rb").read()
    h.update(path + b"\0" + str(len(data)).encode() + b"\0" + data)
print(h.hexdigest())
