#!/usr/bin/env python3
"""Each area's maximum under the Dongcheng sample's weighted combine, worked out from
docs/rules.md ("How a unit's total is worked out", steps 2 and 3), independently of kaimen's
code: fb = B% × T / Pb, fm = M% × T / Pm; an area's maximum is its points × (weighted maxima of
its standards) / (points of its standards).

usage: kaimen rules show rules/dongcheng-2019.jsonc --format json > r.json; area_maxima.py r.json
(the effective rules, `extends` applied, are only read for their points and methods).

Printed 2026-12-03: rights 31/2, organization 9, publicity 7, safety 17/2, democracy 10,
models 17/2, warmth 14, insurance 10, funds 15/2, audit 10 (T 100, Pb 20, Pm 80, fb 2, fm 3/4).
"""
import json, sys
from fractions import Fraction as F

r = json.load(open(sys.argv[1]))
std, areas = r["standards"], r["areas"]
B, M = F(40), F(60)   # "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 }
T = sum(F(str(a["points"])) for a in areas)
Pb = sum(F(str(s["points"])) for s in std if s["method"] == "ballot")
Pm = sum(F(str(s["points"])) for s in std if s["method"] != "ballot")
fb, fm = B * T / (100 * Pb), M * T / (100 * Pm)
print("T", T, "Pb", Pb, "Pm", Pm, "fb", fb, "fm", fm)
for a in areas:
    ss = [s for s in std if s["area"] == a["id"]]
    weighted = sum(F(str(s["points"])) * (fb if s["method"] == "ballot" else fm) for s in ss)
    raw = sum(F(str(s["points"])) for s in ss)
    print(a["id"], a["points"] * weighted / raw if raw else a["points"])
