#!/usr/bin/env python3
"""Finds metric values for UnboundedFractionTests: a formula `a / b + c / d - c / d` whose exact
value is a/b = 1.005 − 1/B, a hair below a rounding point, where fractions kept in 64 bits and rounded
to odd at each step that does not fit (kaimen before 0.27.0) end on the point or above it.

    python3 Tests/KaimenKitTests/Fixtures/reference/unbounded/find_case.py

Prints the four metric values (as the units file writes them) and the total, rounded half
away from zero at two places, of the exact value by Python's fractions, and what the bounded
fractions gave.
"""
import random
from fractions import Fraction as F

INT64_MAX = 2**63 - 1

def fits(x):
    return abs(x.numerator) <= INT64_MAX and x.denominator <= INT64_MAX

def to_odd(x):
    """docs/rules.md: the finest power of ten up to 10^18 at which the value fits, rounded to odd."""
    if fits(x):
        return x
    for s in range(18, -1, -1):
        m = abs(x.numerator) * 10**s
        q, r = divmod(m, x.denominator)
        if r and q % 2 == 0:
            q += 1
        if q <= INT64_MAX:
            return F(q if x >= 0 else -q, 10**s)
    raise ValueError("out of range")

def half_away(x, places):
    m = abs(x) * 10**places
    q, r = divmod(m.numerator, m.denominator)
    if 2 * r >= m.denominator:
        q += 1
    return F(q if x >= 0 else -q, 10**places)

def text(mantissa):
    """A value of at most 12 whole digits and 6 decimals, mantissa at 10^-6."""
    whole, frac = divmod(mantissa, 10**6)
    return f"{whole}.{frac:06d}".rstrip("0").rstrip(".")

rng = random.Random(20261206)
# a/b = 1.005 - 1/B with b = B/10^6 and a = A/10^6: B a multiple of 200 below 10^18 (twelve
# whole digits and six decimals at most, as the data's limits allow).
k = 4974999999999999
B = 200 * k
A = 201 * k - 1
a, b = F(A, 10**6), F(B, 10**6)
assert a / b == F(1005, 1000) - F(1, B) and A < 10**18 and B < 10**18
for trial in range(100000):
    C = rng.randrange(10**16, 10**18)
    D = rng.randrange(10**16, 10**18)
    c, d = F(C, 10**6), F(D, 10**6)
    bounded = to_odd(to_odd(a / b + c / d) - c / d)
    if half_away(bounded, 2) != half_away(a / b, 2):
        print("a =", text(A), " b =", text(B), " c =", text(C), " d =", text(D))
        print("exact a/b =", a / b, "→", half_away(a / b, 2))
        print("bounded fractions:", bounded, "→", half_away(bounded, 2), f"(trial {trial})")
        break

# Three standards, each a ratio that fits 64 bits, in one area: a/b, c/d (above 9.3, so that
# the sum so far is held at 10^-17) and e/d with e = 10d − c, so the area's exact sum is
# a/b + 10 = 10.005 − 1/B. Kept in 64 bits, a/b + c/d is rounded to odd, and so is that plus e/d.
k2 = 4999999999999999
B2 = 200 * k2
A2 = k2 - 1
a2, b2 = F(A2, 10**6), F(B2, 10**6)
assert a2 / b2 == F(5, 1000) - F(1, B2) and B2 < 10**18
for trial in range(100000):
    D = rng.randrange(10**15, 10**17)
    C = rng.randrange(D * 93 // 10, D * 99 // 10)
    c, d, e = F(C, 10**6), F(D, 10**6), F(10 * D - C, 10**6)
    bounded = to_odd(to_odd(a2 / b2 + c / d) + e / d)
    exact = a2 / b2 + c / d + e / d
    if half_away(bounded, 2) != half_away(exact, 2):
        print("a =", text(A2), " b =", text(B2), " c =", text(C), " d =", text(D), " e =", text(10 * D - C))
        print("exact a/b + c/d + e/d =", exact, "→", half_away(exact, 2))
        print("bounded fractions:", bounded, "→", half_away(bounded, 2), f"(trial {trial})")
        break

# Two units tied on the total whose tie-break key, a standard a/b + c/d that does not fit
# 64 bits, differs by (10^-6)/b ≈ 10^-18: rounded to odd both keys are the same number.
B3, D3 = 10**18 - 1, 999999999989 * 10**6 + 37
for trial in range(100000):
    A3 = rng.randrange(10**17, 9 * 10**17)
    C3 = rng.randrange(10**17, D3)
    v1 = F(A3, B3) + F(C3, D3)
    v2 = F(A3 + 1, B3) + F(C3, D3)
    if to_odd(v1) == to_odd(v2) and not fits(v1) and not fits(v2) and half_away(v1, 2) == half_away(v2, 2):
        print("U1: a =", text(A3), " U2: a =", text(A3 + 1), " b =", text(B3), " c =", text(C3), " d =", text(D3))
        print("keys", v1, "<", v2, "; both rounded to odd:", to_odd(v1), "; totals", half_away(v1, 2), f"(trial {trial})")
        break
