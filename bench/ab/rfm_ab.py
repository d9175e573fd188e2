"""Interleaved A/B (issue 9: did the refactor make `chainlab rfm` slower?) of `chainlab rfm` at three commits against pandas, same files, same machine.
Worktrees: git worktree add --detach /work/wt/pre9 e8218a5; ... post9 7d218b0; npm ci in each. Data: the rfm suite's 1M-row orders CSV (bench/suites/rfmData.ts) and its first 4 columns (cut -d, -f1-4).
Each round runs every variant once in turn; reports the median wall and CPU (user+sys) time."""
import os, resource, statistics, subprocess, sys, time, json
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
files = {'quoted-11col': '/work/abtmp/rfm/orders.csv', 'plain-4col': '/work/abtmp/rfm/orders-plain.csv'}
trees = {'pre9 e8218a5': '/work/wt/pre9', 'post9 7d218b0': '/work/wt/post9', 'now 0bf4376': '/work/wt/land'}
def run(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
results = {}
for label, path in files.items():
    # warm the bundles and the page cache once
    for name, tree in trees.items():
        run(['node', 'bin/chainlab.mjs', 'rfm', '--orders', path, '--map', 'rfm-package', '--out', f'/work/abtmp/out-{name[:4]}.csv', '--json'], tree)
    for r in range(ROUNDS):
        for name, tree in trees.items():
            w, c = run(['node', 'bin/chainlab.mjs', 'rfm', '--orders', path, '--map', 'rfm-package', '--out', f'/work/abtmp/out-{name[:4]}.csv', '--json'], tree)
            results.setdefault((label, name), []).append((w, c))
        w, c = run(['/usr/bin/python3', 'rfm_e2e.py', path, '/work/abtmp/out-pandas.csv'], '/work/wt/land/bench/python')
        results.setdefault((label, 'pandas'), []).append((w, c))
        print(label, r + 1, {k[1]: round(v[-1][0], 2) for k, v in results.items() if k[0] == label}, 'load', os.getloadavg()[0], flush=True)
print('| file | variant | wall median s | CPU median s | wall × pandas | CPU × pandas |')
print('|---|---|---|---|---|---|')
for (label, name), runs in results.items():
    wall = statistics.median(r[0] for r in runs); cpu = statistics.median(r[1] for r in runs)
    pw = statistics.median(r[0] for r in results[(label, 'pandas')]); pc = statistics.median(r[1] for r in results[(label, 'pandas')])
    print(f'| {label} | {name} | {wall:.2f} | {cpu:.2f} | {wall / pw:.2f} | {cpu / pc:.2f} |')
