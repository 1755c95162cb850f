#!/usr/bin/env python3
"""The expected line and hash of the record in JournalRecordTests, from the documented
canonical form (verify_journal.py's serialiser) and Python's hashlib."""
import hashlib, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from verify_journal import canonical

record = {"seq": 1, "time": "2014-07-08T09:00:00Z", "by": "王秘书", "kind": "void",
          "content": {"representative": "R20", "unit": "X07", "reason": "评分表污损\n\"无法\"辨认\u0001", "scores": {"b": None, "a": "3.5"}},
          "prev": "0" * 64}
h = hashlib.sha256(canonical(record).encode("utf-8")).hexdigest()
record["hash"] = h
print(h)
print(canonical(record))
