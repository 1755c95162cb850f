#!/usr/bin/env python3
"""Raw DEFLATE streams (RFC 1951, as ZIP's method 8 holds them) made by zlib, for
InflateTests: each `<name>.deflate` and, in inflate.tsv, the length and SHA-256 (hashlib) of
the bytes it decodes to. Run from this folder: python3 make_inflate.py"""
import hashlib, random, zlib

def deflate(data, level, strategy=zlib.Z_DEFAULT_STRATEGY, wbits=-15):
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, 9, strategy)
    return c.compress(data) + c.flush()

rng = random.Random(20261206)
words = ["工会", "职工", "代表", "评分", "R01", "X02", "3.5", ",", "\n", "<c r=\"A1\"><v>", "</v></c>", "会员", "0.875"]
text = "".join(rng.choice(words) for _ in range(60000)).encode("utf-8")
cases = {
    # zlib's own empty stream: one fixed block holding only its end code.
    "empty": deflate(b"", 9),
    # Level 0: stored blocks, at most 65 535 bytes each, so three of them.
    "stored": deflate(bytes(rng.randrange(256) for _ in range(150000)), 0),
    # A short input: zlib writes it with the fixed codes (block type 1).
    "fixed": deflate(b"hello, hello, hello! kaimen", 9),
    # Text: dynamic codes (block type 2), several blocks, back references far and near.
    "dynamic": deflate(text, 9),
    # One byte repeated: distance 1, lengths of 258 copying what they write.
    "run": deflate(b"a" * 100000, 9),
    # Huffman only (no back references) and run-length only (distance 1 alone: a distance code of one symbol).
    "huffman-only": deflate(text[:50000], 6, zlib.Z_HUFFMAN_ONLY),
    "rle": deflate(b"ab" * 10 + b"c" * 5000 + b"d" * 3 + bytes(range(256)), 6, zlib.Z_RLE),
    # Incompressible bytes at level 9: zlib falls back to stored blocks after trying.
    "random": deflate(bytes(rng.randrange(256) for _ in range(70000)), 9),
    # A 1 KiB window (wbits -10): distances stay short.
    "small-window": deflate(text[:40000], 9, wbits=-10),
}
plain = {"empty": b"", "fixed": b"hello, hello, hello! kaimen", "run": b"a" * 100000, "dynamic": text,
         "huffman-only": text[:50000], "rle": b"ab" * 10 + b"c" * 5000 + b"d" * 3 + bytes(range(256)),
         "small-window": text[:40000]}
with open("inflate.tsv", "w") as tsv:
    for name, stream in cases.items():
        out = zlib.decompress(stream, -15)
        if name in plain:
            assert out == plain[name]
        with open(name + ".deflate", "wb") as f:
            f.write(stream)
        tsv.write(f"{name}\t{len(out)}\t{hashlib.sha256(out).hexdigest()}\n")
