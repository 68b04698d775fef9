#!/usr/bin/env bash
# Import benchmark: a 5,000-row employee CSV over real HTTP (dry run, real run, same file again).
# Writes bench/import/RESULTS.md. Usage: bench/import/run.sh [rows]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-5000}"
mkdir -p "$root/backend/target-bench"
out="$root/backend/target-bench/import-bench.properties"
cd "$root/backend"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cmd="mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \"-DargLine=-Dbench.rows=$rows -Dbench.out=…\""
mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  "-DargLine=-Dbench.rows=$rows -Dbench.out=$out"
get() { grep "^$1=" "$out" | cut -d= -f2; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
cat > "$here/RESULTS.md" <<MD
# Import benchmark results

Command: \`bench/import/run.sh $rows\` (runs \`$cmd\` in \`backend/\`; the runner is
\`backend/src/test/java/com/powerpto/imports/ImportBenchmark.java\`, not part of \`mvn test\`).

Machine: $(nproc) cores ($cpu), $mem memory, shared with other builds; the application on a random
port over real HTTP, embedded PostgreSQL 17 from the test profile; run on $(date -u +%Y-%m-%d).

| What | Figure |
|---|---|
| Rows (every row's manager 10 rows later in the file, 50 departments) | $(get rows) ($(get bytes) bytes) |
| Dry run (read, check every row, resolve managers, cycle check; writes nothing) | **$(get dry_run_seconds) s** |
| Real run (+ batched upsert, managers, one audit row per employee, one transaction) | **$(get real_run_seconds) s** ($(get created) created) |
| Same file again (changes nothing) | **$(get reimport_seconds) s** ($(get reimport_unchanged) unchanged) |

Load average (1/5/15 min) when the run started: $load_before — other engineers' builds share the
two cores, so these are pessimistic figures.

Target: a 5,000-row file imports in under 10 s (the runner fails otherwise).
MD
cat "$here/RESULTS.md"
