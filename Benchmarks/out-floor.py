#!/usr/bin/env python3
"""The floor under a 100-unit full --out on this machine: the file system's own cost.

Takes an output set kaimen wrote (default: the one Benchmarks/run.sh leaves in
/tmp/kaimen-bench/n100/out-full) and, holding every file's bytes in memory, does only what any
writer of that set must do: create each file in a staging folder and write it, one syncfs, swap
the folder in (two renames), and remove the previous set. No formatting, no hashing.
Prints each part's median over RUNS runs (default 21).

    python3 Benchmarks/out-floor.py [SET_DIR]
"""
import ctypes, os, shutil, statistics, sys, tempfile, time

src = sys.argv[1] if len(sys.argv) > 1 else '/tmp/kaimen-bench/n100/out-full'
runs = int(os.environ.get('RUNS', '21'))
files = []
for root, _, names in os.walk(src):
    for name in names:
        path = os.path.join(root, name)
        with open(path, 'rb') as f:
            files.append((os.path.relpath(path, src), f.read()))
dirs = sorted({os.path.dirname(rel) for rel, _ in files if os.path.dirname(rel)})
libc = ctypes.CDLL(None, use_errno=True)
base = tempfile.mkdtemp(prefix='kaimen-floor-', dir=os.path.dirname(os.path.abspath(src)))
out = os.path.join(base, 'out')
parts = {'write': [], 'syncfs': [], 'swap': [], 'remove old set': [], 'total': []}
for run in range(runs + 1):
    stage = os.path.join(base, '.stage')
    t0 = time.perf_counter()
    for d in [''] + dirs:
        os.makedirs(os.path.join(stage, d), exist_ok=True)
    for rel, data in files:
        fd = os.open(os.path.join(stage, rel), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, data)
        os.close(fd)
    t1 = time.perf_counter()
    fd = os.open(stage, os.O_RDONLY)
    libc.syncfs(fd)
    os.close(fd)
    t2 = time.perf_counter()
    old = os.path.join(base, '.old')
    had_old = os.path.exists(out)
    if had_old:
        os.rename(out, old)
    os.rename(stage, out)
    t3 = time.perf_counter()
    if had_old:
        shutil.rmtree(old)
    t4 = time.perf_counter()
    if run == 0:
        continue  # the first run has no old set to remove
    for key, value in zip(parts, [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0]):
        parts[key].append(value * 1000)
shutil.rmtree(base)
size = sum(len(d) for _, d in files)
load = os.getloadavg()[0]
print(f'{len(files)} files, {size / 1e6:.1f} MB, {runs} runs, load average {load:.1f}')
for key, values in parts.items():
    print(f'  {key:15s} median {statistics.median(values):6.1f} ms   ({min(values):.1f}–{max(values):.1f})')
