#!/usr/bin/env python3
"""Reference values for kaimen's Krippendorff's alpha (interval) and ICC(2,1)/ICC(2,k), from
independent implementations: the `krippendorff` and `pingouin` packages.

    pip install krippendorff pingouin
    python3 Tests/KaimenKitTests/Fixtures/reference/panel/agreement.py

The numbers it prints are stored in Tests/KaimenKitTests/Panel/AgreementTests.swift.
"""
import csv, os
import numpy as np
import pandas as pd
import krippendorff
import pingouin as pg

nan = np.nan
root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[".."] * 5))

# 1. Krippendorff's own reliability-data example (Krippendorff 2011, "Computing Krippendorff's
#    alpha-reliability"): 4 coders x 12 units, with missing values. The paper gives 0.849.
kripp = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
]
print("kripp_example_interval", repr(float(krippendorff.alpha(reliability_data=kripp, level_of_measurement="interval"))))

# 2. Ballots with missing values: 6 representatives x 10 units, 0-4 points in steps of 0.5
#    (the same table is written out in the Swift test).
ballots = [
    [3.5, 2.0, 4.0, 1.5, nan, 3.0, 2.5, 0.5, 3.0, 2.0],
    [3.0, nan, 3.5, 1.0, 2.0, 3.0, 2.0, 1.0, 3.5, 2.5],
    [4.0, 2.5, 4.0, nan, 2.5, 3.5, nan, 0.5, 3.0, 1.5],
    [2.5, 1.5, 3.0, 1.0, 1.5, 2.0, 2.0, 0.0, nan, 1.5],
    [3.5, 2.0, nan, 2.0, 2.0, 3.0, 3.0, 1.0, 3.5, 2.0],
    [nan, 3.0, 4.0, 1.5, 2.5, 4.0, 2.5, 1.5, 4.0, nan],
]
print("missing_interval", repr(float(krippendorff.alpha(reliability_data=ballots, level_of_measurement="interval"))))

# 3. ICC on complete tables. Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges
#    (they give ICC(2,1) = 0.29 and ICC(2,4) = 0.62).
def icc(table):
    rows = [(t, j, x) for t, row in enumerate(table) for j, x in enumerate(row)]
    df = pd.DataFrame(rows, columns=["target", "rater", "score"])
    r = pg.intraclass_corr(data=df, targets="target", raters="rater", ratings="score").set_index("Type")
    # pingouin 0.7 names ICC(2,1) and ICC(2,k) by McGraw & Wong: ICC(A,1) and ICC(A,k).
    return float(r.loc["ICC(A,1)", "ICC"]), float(r.loc["ICC(A,k)", "ICC"])

shrout = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
print("shrout_fleiss_icc2_1, icc2_k", *map(repr, icc(shrout)))
# A complete panel: 8 units x 5 representatives, 0-4 points in steps of 0.5.
complete = [[3.5, 3.0, 4.0, 3.5, 3.0], [2.0, 1.5, 2.5, 2.0, 1.0], [4.0, 3.5, 4.0, 4.0, 3.5], [1.0, 1.5, 2.0, 0.5, 1.0],
            [2.5, 2.5, 3.0, 2.0, 2.0], [3.0, 2.0, 3.5, 3.0, 2.5], [0.5, 1.0, 1.5, 0.5, 0.0], [3.0, 3.5, 3.5, 2.5, 3.0]]
print("complete_icc2_1, icc2_k", *map(repr, icc(complete)))
print("complete_alpha", repr(float(krippendorff.alpha(reliability_data=np.array(complete).T, level_of_measurement="interval"))))

# 4. The Xicheng 2014 sample, from its files: the counted ballots (a representative's ballot for
#    their own unit is set aside), per ballot standard and overall (as shares of the maximum).
def read(name):
    with open(os.path.join(root, "samples/xicheng-2014", name), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))
own = {r["id"]: set(u for u in r["units"].split(";") if u) for r in read("roster.csv")}
group = {r["id"]: r["group"] for r in read("roster.csv")}
units = [u["id"] for u in read("units.csv")]
reps = list(own)
maxima = {"rights.ballot": 4, "publicity": 2, "safety.ballot": 2, "democracy.ballot": 2, "models.ballot": 2,
          "warmth.ballot": 4, "insurance.ballot": 2, "audit.ballot": 2}
score = {}
for b in read("ballots.csv"):
    if b["unit"] in own[b["representative"]]:
        continue
    score[(b["representative"], b["unit"], b["standard"])] = float(b["score"])
for item in maxima:
    data = [[score.get((r, u, item), nan) for u in units] for r in reps]
    print("xicheng_alpha", item, repr(float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))))
data = [[score.get((r, u, item), nan) / maxima[item] for u in units for item in maxima] for r in reps]
print("xicheng_alpha_overall", repr(float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))))
# Group 1 (第一组) heard X01-X03; R03 belongs to X02 and did not score it, so the complete table
# is the other six representatives on the three units.
g1 = [r for r in reps if group[r] == "第一组" and all((r, u, "rights.ballot") in score for u in ["X01", "X02", "X03"])]
for item in ["rights.ballot", "safety.ballot"]:
    table = [[score[(r, u, item)] for r in g1] for u in ["X01", "X02", "X03"]]
    print("xicheng_group1_icc", item, len(g1), *map(repr, icc(table)))
