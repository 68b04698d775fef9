#!/usr/bin/env bash
# Timeline benchmark (issue 24), fsync on (each runner gets a durable embedded cluster: fsync,
# synchronous_commit and full_page_writes on, as make bench runs PostgreSQL):
#   1. the daily run for 100,000 employees (AccrualBenchmark: the 1st of a month, then its rerun);
#   2. a 10,000-employee tenant with three years of history (TimelineBenchmark): full recomputations,
#      the policy simulator, a single correction after a late entry.
# Writes bench/timeline/RESULTS.md. Usage: bench/timeline/run.sh [daily employees=100000] [tenant=10000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
daily="${1:-100000}"
tenant="${2:-10000}"
outdir="$root/backend/target-bench"
mkdir -p "$outdir"
cd "$root/backend"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run() { # test, properties file, extra system properties
  local pgdir; pgdir="$(mktemp -d)"; chmod 755 "$pgdir"
  mvn -q -B -o -Dbuild.dir=target-bench test -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false \
    "-DargLine=$3 -Dpto.embedded.data-dir=$pgdir/data -Dpto.database.statement-timeout-ms=600000 -Dbench.out=$2" > "$2.log" 2>&1 \
    || { echo "$1 failed, see $2.log"; tail -40 "$2.log"; rm -rf "$pgdir"; exit 1; }
  rm -rf "$pgdir"
}
run AccrualBenchmark "$outdir/timeline-daily.properties" "-Dbench.employees=$daily -Dbench.rowByRow=1000"
run TimelineBenchmark "$outdir/timeline-tenant.properties" "-Dbench.employees=$tenant"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
d() { grep "^$1=" "$outdir/timeline-daily.properties" | cut -d= -f2; }
t() { grep "^$1=" "$outdir/timeline-tenant.properties" | cut -d= -f2; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
cat > "$here/RESULTS.md" <<MD
# Timeline benchmark results (issue 24)

Command: \`bench/timeline/run.sh $daily $tenant\` — runs \`AccrualBenchmark\` and \`TimelineBenchmark\`
(\`backend/src/test/java/com/powerpto/accrual/\`, not part of \`mvn test\`) through
\`mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=… "-DargLine=… -Dpto.embedded.data-dir=…"\`, each in its
own JVM with its own embedded PostgreSQL 17 with a data directory: **fsync, synchronous_commit and
full_page_writes on** (d: $(d fsync), t: $(t fsync)).

Machine: $(nproc) cores ($cpu), $mem memory, run on $(date -u +%Y-%m-%dT%H:%MZ). Load average $load_before before
and $load_after after: the machine is shared with other work, so on a busy box the figures are upper bounds.

| What | Figure | Target |
|---|---|---|
| Daily run of the 1st for $(d employees) employees (one MONTHLY policy, 800 min, no cap): read, compute from the timeline, write ledger + snapshots, record run + audit | **$(d first_run_seconds) s** ($(d first_run_accrued) entries) | < 8 s (10.9 s before) |
| Its rerun (writes nothing) | $(d rerun_seconds) s | |
| Full recomputation of every balance of a $(t employees)-employee tenant, three years of history, from nothing | **$(t from_nothing_seconds) s** ($(t from_nothing_entries) entries posted) | < 15 s |
| … after a version backdated to 2023-07-01 (30 months of grants and two carryovers each corrected) | **$(t backdated_seconds) s** ($(t backdated_entries) corrections) | < 15 s |
| … when nothing changed (read, play every timeline, compare) | **$(t unchanged_seconds) s** | < 15 s |
| Policy simulator over the $(t employees) balances (draft from 2025-01-01; $(t simulate_gain) gain, $(t simulate_lose) lose) | **$(t simulate_seconds) s** | < 5 s |
| A late adjustment dated 2023-06-15 and the correction it causes (one transaction, $(t singles) employees; $(t single_corrections_posted) corrections posted) | median **$(t single_median_ms) ms**, p95 $(t single_p95_ms) ms, max $(t single_max_ms) ms | < 50 ms median |
| Ledger = timeline and snapshots = ledger afterwards | $(t reconciled) | |

The tenant: MONTHLY 800 min on the 1st (DAYS_ACTIVE) with a 12,000-minute bank cap and a 4,800-minute
carryover every 1 January; employees hired on every day of 2023 (a third in Pacific/Auckland); six
requests each across 2024–2025 (nine days: request, per-day split, USAGE). Worker horizon 2025-12-31.
MD
cat "$here/RESULTS.md"
