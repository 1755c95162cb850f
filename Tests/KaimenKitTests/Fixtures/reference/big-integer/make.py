#!/usr/bin/env python3
"""Cases for BigIntegerTests and BigFractionTests, worked out by Python's integers and
fractions, independently of kaimen's arithmetic.

    python3 Tests/KaimenKitTests/Fixtures/reference/big-integer/make.py > Tests/KaimenKitTests/Fixtures/reference/big-integer/cases.tsv

Lines (tab-separated, integers in decimal):
  int  a  b  a+b  a-b  a*b  |a|//|b|  |a|%|b|  gcd(|a|,|b|)
  frac  n  d  places  round(n/d, places) as an integer count of 10^-places, half away from zero
  odd  n  d  the fraction kaimen keeps for n/d (docs/rules.md): n/d reduced when both fit
         64 bits, else rounded to odd at the finest 10^-s (s ≤ 18) that fits, as "p/q";
         "out" beyond ±(2^63 − 1)
"""
import math
import random
from fractions import Fraction as F

rng = random.Random(20261206)
INT64_MAX = 2**63 - 1

def limbs_number(count):
    """A number of `count` 32-bit limbs, often with all-ones or zero limbs (Algorithm D's corners)."""
    x = 0
    for _ in range(count):
        kind = rng.random()
        limb = 0xFFFFFFFF if kind < 0.2 else 0 if kind < 0.3 else 0x80000000 if kind < 0.35 else rng.getrandbits(32)
        x = x << 32 | limb
    return x

def signed(x):
    return -x if rng.random() < 0.4 else x

ints = [(0, 0), (0, 5), (1, 1), (2**32 - 1, 1), (2**32, 2**32 - 1), (2**64 - 1, 2**32 + 1),
        (2**128, 2**64 + 1), (-(2**96), 3), (10**40, -(10**20)),
        # Hacker's Delight's divmnu cases, 32-bit digits: the add-back step and its neighbours.
        (0x7fffffff800000000000000000000000, 0x800000000000000000000001),
        (0x800000000000000000000003, 0x200000000000000000000001),
        (0x0000000080000000fffffffe00000000, 0x0000000080000000ffffffff),
        (0x000080000000000000000000ffff0000, 0x0000800000000000ffffffff)]
for _ in range(600):
    ints.append((signed(limbs_number(rng.randint(0, 12))), signed(limbs_number(rng.randint(0, 8)))))
for a, b in ints:
    q, r = (abs(a) // abs(b), abs(a) % abs(b)) if b else ("-", "-")
    print("\t".join(map(str, ["int", a, b, a + b, a - b, a * b, q, r, math.gcd(a, b)])))

def half_away(n, d, places):
    m = abs(n) * 10**places
    q, r = divmod(m, d)
    if 2 * r >= d:
        q += 1
    return -q if n < 0 else q

def to_odd(n, d):
    x = F(n, d)
    if abs(x.numerator) <= INT64_MAX and x.denominator <= INT64_MAX:
        return f"{x.numerator}/{x.denominator}"
    for s in range(18, -1, -1):
        q, r = divmod(abs(x.numerator) * 10**s, x.denominator)
        if r and q % 2 == 0:
            q += 1
        if q <= INT64_MAX:
            y = F(q if x >= 0 else -q, 10**s)
            return f"{y.numerator}/{y.denominator}"
    return "out"

fracs = [(2675, 1000, 2), (89995, 1000, 2), (-1005, 1000, 2), (1, 3, 6), (-2, 3, 0),
         (89995 * 10**30 - 2, 10**33, 2), (-(89995 * 10**30 - 2), 10**33, 2), (10**40 + 1, 3 * 10**34, 4)]
for _ in range(300):
    d = limbs_number(rng.randint(1, 6)) or 1
    n = signed(rng.randrange(0, d * 10**rng.randint(0, 6)))
    fracs.append((n, d, rng.randint(0, 6)))
for n, d, p in fracs:
    print("\t".join(map(str, ["frac", n, d, p, half_away(n, d, p)])))

odds = [(1, 10**20), (-1, 10**20), (10**19, 1), (-(10**19), 1), (INT64_MAX, 1), (-INT64_MAX, 1),
        (2 * INT64_MAX + 1, 2), (89995 * 10**30 - 2, 10**33), (6, 4), (0, 7), (3, 9 * 10**19)]
# Fractions that fit only once reduced by a large common factor, among them consecutive
# Fibonacci numbers (the longest continued fractions there are): F91/F92 fits 64 bits,
# F92/F93 does not (F93 > 2^63).
fib = [0, 1]
while len(fib) < 100:
    fib.append(fib[-1] + fib[-2])
g = 3**150 + 2
odds += [(fib[91] * g, fib[92] * g), (-fib[92] * g, fib[91] * g), (fib[92] * g, fib[93] * g), (fib[93] * g, fib[94] * g),
         (fib[60] * g, fib[59] * g * 10**9), (7 * g, 3 * g), (INT64_MAX * g, g), ((INT64_MAX + 1) * g, g)]
for _ in range(300):
    d = limbs_number(rng.randint(1, 6)) or 1
    n = signed(rng.randrange(0, d * 10**rng.randint(0, 20)) if rng.random() < 0.8 else limbs_number(rng.randint(0, 6)))
    odds.append((n, d))
for n, d in odds:
    print("\t".join(map(str, ["odd", n, d, to_odd(n, d)])))
