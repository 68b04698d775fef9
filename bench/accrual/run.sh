#!/usr/bin/env bash
# Accrual benchmark: 100,000 employees on a MONTHLY policy, one run on the 1st, a rerun of the
# same date, and the row-by-row alternative on a subset. Writes bench/accrual/RESULTS.md.
# Usage: bench/accrual/run.sh [employees] [row-by-row subset]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
employees="${1:-100000}"
subset="${2:-5000}"
out="$root/backend/target-bench/accrual-bench.properties"
cd "$root/backend"
cmd="mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=AccrualBenchmark -Dsurefire.failIfNoSpecifiedTests=false \"-DargLine=-Dbench.employees=$employees -Dbench.rowByRow=$subset -Dbench.out=…\""
# surefire forks the test JVM: pass the system properties through argLine as well.
mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=AccrualBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  "-DargLine=-Dbench.employees=$employees -Dbench.rowByRow=$subset -Dbench.out=$out"
get() { grep "^$1=" "$out" | cut -d= -f2; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
cat > "$here/RESULTS.md" <<MD
# Accrual benchmark results

Command: \`bench/accrual/run.sh $employees $subset\` (runs \`$cmd\`; the runner is
\`backend/src/test/java/com/powerpto/accrual/AccrualBenchmark.java\`, not part of \`mvn test\`).

Machine: $(nproc) cores ($cpu), $mem memory; embedded PostgreSQL 17 from the test profile
(throwaway cluster on local disk, fsync off as in every test run), run on $(date -u +%Y-%m-%d).

| What | Figure |
|---|---|
| Employees on one MONTHLY policy (START_OF_PERIOD, 800 min) | $(get employees) |
| First run of 2025-03-01 (read, compute, write ledger + snapshots, record run + audit) | **$(get first_run_seconds) s** ($(get first_run_accrued) entries) |
| Rerun of the same date (writes nothing) | **$(get rerun_seconds) s** ($(get rerun_accrued) entries) |
| Row by row: one transaction + \`LedgerService.post\` per employee, $(get row_by_row_rows) employees | $(get row_by_row_seconds) s |
| Row by row projected to $(get employees) employees | $(get row_by_row_projected_seconds) s |
| Ratio row-by-row ÷ set-based | **$(get ratio_row_by_row_over_batch)×** |
| Snapshots equal ledger sums afterwards | $(get reconcile_clean) |

Targets: first run < 20 s, rerun < 5 s writing nothing.
MD
cat "$here/RESULTS.md"
