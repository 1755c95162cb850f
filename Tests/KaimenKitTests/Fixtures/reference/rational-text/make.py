#!/usr/bin/env python3
"""Expected decimal texts of fractions for RationalTests, from Python's decimal module
(ROUND_HALF_UP is half away from zero), independently of kaimen's own formatting.

    python3 Tests/KaimenKitTests/Fixtures/reference/rational-text/make.py > Tests/KaimenKitTests/Fixtures/reference/rational-text/cases.tsv

Each line: numerator, denominator, places, the text at exactly `places` decimals, and the
plain text (at most `places` decimals, no trailing zeros, no trailing point).
"""
import random
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 120
rng = random.Random(20261201)
LIMIT = 9 * 10**18  # stay inside Int64 once scaled

def fixed(n, d, places):
    q = (Decimal(n) / Decimal(d)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{q:f}"
    return "0" + text[2:] if text.startswith("-") and set(text[1:]) <= set("0.") else text

def plain(text):
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

cases = [(2675, 1000, 2), (89995, 1000, 2), (-1005, 1000, 2), (1, 2, 0), (-1, 2, 0), (1, 3, 4), (0, 1, 6),
         (-4, 1000, 2), (5, 1, 2), (123, 10, 12), (-9223372036854775807, 1, 0), (9223372036854775807, 10, 1)]
for _ in range(400):
    places = rng.randint(0, 12)
    d = rng.choice([1, 2, 3, 4, 7, 8, 10, 16, 40, 100, 125, 1000, 3 * 7 * 11, rng.randint(1, 10**6), rng.randint(1, 10**18)])
    bound = max(1, LIMIT // 10**places * d // 2)
    n = rng.randint(-min(bound, 10**18), min(bound, 10**18))
    if rng.random() < 0.3:  # values ending in 5 at the rounding place: halves
        n = (2 * rng.randint(-10**6, 10**6) + 1) * 5
        d = 10 ** (places + 1)
    cases.append((n, d, places))
for n, d, places in cases:
    t = fixed(n, d, places)
    print(f"{n}\t{d}\t{places}\t{t}\t{plain(t)}")
