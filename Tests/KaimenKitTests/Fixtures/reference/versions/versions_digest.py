#!/usr/bin/env python3
"""The digest VersionGuardTests compares with Fixtures/golden/versions.txt, worked out
independently of kaimen: SHA-256 over every file under Fixtures/golden/ but versions.txt, in
order of relative path (UTF-8 bytes), each as its path, NUL, its size in decimal, NUL, its bytes.

    python3 Tests/KaimenKitTests/Fixtures/reference/versions/versions_digest.py    # prints the digest
"""
import hashlib
import os

golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden")
files = []
for folder, _, names in os.walk(golden):
    for name in names:
        full = os.path.join(folder, name)
        path = os.path.relpath(full, golden).replace(os.sep, "/")
        if path != "versions.txt":
            files.append((path.encode("utf-8"), full))
h = hashlib.sha256()
for path, full in sorted(files):
    data = open(full, "rb").read()
    h.update(path + b"\0" + str(len(data)).encode() + b"\0" + data)
print(h.hexdigest())
