#!/usr/bin/env python3
"""Reference values for kaimen's ICC(2,1)/ICC(2,k) where a figure sits on a reading's boundary
or has no value, from pingouin (an independent implementation), and the same figures as exact
fractions (Python's `fractions`, from the textbook sums of squares: not kaimen's code).

    pip install pingouin
    python3 Tests/KaimenKitTests/Fixtures/reference/panel/icc_boundaries.py

The numbers it prints are stored in Tests/KaimenKitTests/Panel/ICCBoundaryTests.swift.
"""
import warnings
from fractions import Fraction as F
import pandas as pd
import pingouin as pg

def pingouin_icc(table):
    rows = [(t, j, x) for t, row in enumerate(table) for j, x in enumerate(row)]
    df = pd.DataFrame(rows, columns=["target", "rater", "score"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = pg.intraclass_corr(data=df, targets="target", raters="rater", ratings="score").set_index("Type")
    return float(r.loc["ICC(A,1)", "ICC"]), float(r.loc["ICC(A,k)", "ICC"])

def exact_icc(table):
    n, k = len(table), len(table[0])
    x = [[F(v) for v in row] for row in table]
    grand = sum(map(sum, x)) / (n * k)
    rows = [sum(r) / k for r in x]
    cols = [sum(x[i][j] for i in range(n)) / n for j in range(k)]
    ssr = k * sum((m - grand) ** 2 for m in rows)
    ssc = n * sum((m - grand) ** 2 for m in cols)
    sst = sum((v - grand) ** 2 for r in x for v in r)
    msr, msc, mse = ssr / (n - 1), ssc / (k - 1), (sst - ssr - ssc) / ((n - 1) * (k - 1))
    d1 = msr + (k - 1) * mse + k * (msc - mse) / n
    dk = msr + (msc - mse) / n
    return (None if d1 == 0 else (msr - mse) / d1), (None if dk == 0 else (msr - mse) / dk)

tables = {
    # The tester's s3 (units x representatives): ICC(2,1) is exactly 9/10, "good", not "excellent".
    "s3": [[5, 5], [6, 6], [7, 8]],
    # The tester's s2: the scores vary, ICC(2,1) = -1, and ICC(2,k)'s denominator is 0.
    "s2": [[1, 2], [3, 1], [2, 3]],
    # ICC(2,1) exactly 1/2 (moderate, not poor) and 3/4 (good, not moderate).
    "half": [[0, 0], [0, 1], [1, 1]],
    "threeQuarters": [[0, 0], [0, 2], [3, 3]],
}
for name, table in tables.items():
    print(name, "pingouin", *map(repr, pingouin_icc(table)), "exact", *map(str, exact_icc(table)))
