#!/usr/bin/env python3
"""An independent check of a kaimen session journal (docs/session.md, "The journal").

Usage: verify_journal.py DIR
Recomputes every record's SHA-256 from the documented canonical form with Python's own
json and hashlib, checks seq and prev, the input copies' hashes from the `open` record,
and each seal's output files. Exit 0 when everything matches.
"""
import hashlib, json, os, sys

def quote(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif ch == '\n': out.append('\\n')
        elif ch == '\r': out.append('\\r')
        elif ch == '\t': out.append('\\t')
        elif o < 0x20 or o == 0x7F or o in (0x2028, 0x2029): out.append('\\u%04x' % o)
        else: out.append(ch)
    out.append('"')
    return ''.join(out)

def canonical(v):
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode('utf-8'))
        return '{' + ','.join(quote(k) + ':' + canonical(v[k]) for k in keys) + '}'
    if isinstance(v, list): return '[' + ','.join(canonical(x) for x in v) + ']'
    if v is True: return 'true'
    if v is False: return 'false'
    if v is None: return 'null'
    if isinstance(v, int): return str(v)
    if isinstance(v, str): return quote(v)
    raise ValueError('unexpected value %r' % (v,))

def sha(path):
    with open(path, 'rb') as f: return hashlib.sha256(f.read()).hexdigest()

def main(d):
    problems = []
    prev = '0' * 64
    records = []
    with open(os.path.join(d, 'journal.jsonl'), 'rb') as f: data = f.read()
    lines = data.split(b'\n')
    if lines[-1]: problems.append('torn tail: %d bytes after the last line end' % len(lines[-1]))
    for n, raw in enumerate(lines[:-1], 1):
        text = raw.decode('utf-8')
        r = json.loads(text)
        if canonical(r) != text: problems.append('line %d: not canonical' % n)
        h = r.pop('hash')
        if hashlib.sha256(canonical(r).encode('utf-8')).hexdigest() != h: problems.append('line %d: hash does not match' % n)
        if r['seq'] != n: problems.append('line %d: seq %d' % (n, r['seq']))
        if r['prev'] != prev: problems.append('line %d: prev is not the previous hash' % n)
        prev = h
        records.append(r)
    for path, h in records[0]['content']['inputs'].items():
        if sha(os.path.join(d, path)) != h: problems.append('input changed: ' + path)
    for r in records:
        if r['kind'] != 'seal': continue
        for path, h in r['content']['outputs'].items():
            p = os.path.join(d, path)
            if not os.path.exists(p) or sha(p) != h: problems.append('output changed: ' + path)
        # The set's manifest: its own hash (seals since 0.18.0), and the files it lists.
        results = r['content'].get('results', 'results')
        mp = os.path.join(d, results, 'manifest.json')
        if 'manifest' in r['content'] and (not os.path.exists(mp) or sha(mp) != r['content']['manifest']):
            problems.append('output changed: %s/manifest.json' % results)
        elif os.path.exists(mp):
            with open(mp, 'rb') as f: m = json.loads(f.read())
            listed = {results + '/' + e['path']: e['sha256'] for e in m.get('outputs', [])}
            if listed != r['content']['outputs']: problems.append('manifest disagrees with the seal: %s/manifest.json' % results)
            for e in m.get('inputs', []):
                if r['content']['inputs'].get(e['path']) != e['sha256']: problems.append('manifest input disagrees with the seal: ' + e['path'])
    for p in problems: print(p)
    print('%d records, head %s: %s' % (len(records), prev, 'OK' if not problems else 'FAILED'))
    return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
