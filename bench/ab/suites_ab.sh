#!/bin/bash
# interleaved: the store and import suites at the commit before #9 and with #9 merged
for round in 1 2; do
  for tree in pre9 post9; do
    for suite in store import; do
      echo "=== round $round $tree $suite $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
      (cd /work/wt/$tree && timeout 1800 npm run bench -- --only $suite 2>&1 | grep -vE "^\s*$" | tail -25)
    done
  done
done
echo "exit done"
