#!/usr/bin/env bash
# Holiday bench (issue 28): importing a preset for 10 years x 50 locations (target < 2 s), and what
# request durations cost now against the base commit (target: within 10 %). Runs HolidayBench
# (backend/src/test/java/com/powerpto/holiday/, not part of `mvn test`) on this tree with the durable
# cluster (fsync on) and the test profile's (fsync off), and its duration part on the base commit
# (default: `git merge-base HEAD main`, i.e. the code before this branch; BENCH_BASE=<commit> to choose),
# exported with `git archive` into a temporary folder. Writes bench/holidays/RESULTS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${BENCH_BASE:-$(git -C "$root" merge-base HEAD main)}"
out="$root/backend/target-bench"
mkdir -p "$out"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run() { # folder, test, properties file, extra system properties
  (cd "$1" && mvn -q -B -o -Dbuild.dir=target-bench test -Dtest="$2" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djacoco.skip=true "-DargLine=$4 -Dbench.out=$3" > "$3.log" 2>&1) || { echo "$2 failed, see $3.log"; tail -30 "$3.log"; }
}
pgdir="$(mktemp -d)"; chmod 755 "$pgdir"
run "$root/backend" 'HolidayBench' "$out/holidays-on-{part}.properties" "-Dpto.embedded.data-dir=$pgdir/on"
rm -rf "$pgdir"
run "$root/backend" 'HolidayBench' "$out/holidays-off-{part}.properties" ""
basedir="$(mktemp -d)"
git -C "$root" archive "$base" backend | tar -x -C "$basedir"
mkdir -p "$basedir/backend/src/test/java/com/powerpto/holiday"
cp "$root/backend/src/test/java/com/powerpto/holiday/HolidayBench.java" "$basedir/backend/src/test/java/com/powerpto/holiday/"
run "$basedir/backend" 'HolidayBench#durations' "$out/holidays-base-{part}.properties" ""
rm -rf "$basedir"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
get() { grep "^$2=" "$out/holidays-$1.properties" 2>/dev/null | cut -d= -f2 || echo "not run"; }
ratio() { python3 -c "import sys; a,b=sys.argv[1:3]; print('%.2f' % (float(a)/float(b)))" "$1" "$2" 2>/dev/null || echo "n/a"; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
cat > "$here/RESULTS.md" <<MD
# Holiday bench results (issue 28)

Command: \`bench/holidays/run.sh\` — \`HolidayBench\` through \`mvn -q -B -o -Dbuild.dir=target-bench test
-Dtest=HolidayBench "-DargLine=-Dbench.out=… [-Dpto.embedded.data-dir=…]"\`, each run in its own JVM with its own
embedded PostgreSQL 17; fsync=on = a cluster with a data directory (fsync, synchronous_commit and
full_page_writes on), fsync=off = the test profile's throwaway cluster. The base is \`$base\`
(the code before issue 28), exported with \`git archive\` and run with the same bench file.

Machine: $(nproc) cores ($cpu), $mem memory, run on $(date -u +%Y-%m-%dT%H:%MZ). Load average $load_before before and
$load_after after (other work on the box makes every wall-time figure an upper bound). CPU figures are the
CPU seconds the bench's JVM (client and application) and its PostgreSQL (postmaster and children, from
/proc) used during the phase: what the work costs whatever else runs; for these sequential phases about
the wall time on an idle box.

## Import: 10 years × 50 locations (target < 2 s)
500 sequential \`POST /holidays/import\` calls (DE with the 16 Länder in turn, 2027–2036, locations
"Office 0" … "Office 49") over real HTTP, after 40 warm-up imports in another company. Each call: the
preset's year (Jollyday, cached), one INSERT … SELECT of the missing dates, one audit row per holiday
created (one statement), the duration-review marking (one statement), commit.

| | fsync=on | fsync=off |
|---|---|---|
| holidays created | $(get on-import import_holidays_created) | $(get off-import import_holidays_created) |
| **500 imports over HTTP**, wall time | **$(get on-import import_seconds) s** ($(get on-import import_ms_per_call) ms/call) | **$(get off-import import_seconds) s** ($(get off-import import_ms_per_call) ms/call) |
| the same, CPU used (JVM + PostgreSQL): about the wall time on an idle box | $(get on-import import_cpu_seconds) s | $(get off-import import_cpu_seconds) s |
| the same 500 again (creates nothing) | $(get on-import reimport_seconds) s | $(get off-import reimport_seconds) s |
| the worker's upkeep: 50 bound locations filled 2027–2036 in one pass (one transaction per location): wall / CPU | $(get on-import upkeep_seconds) s / $(get on-import upkeep_cpu_seconds) s | $(get off-import upkeep_seconds) s / $(get off-import upkeep_cpu_seconds) s |
| 500 imports through the service (no HTTP), one transaction each: wall / CPU | $(get on-import import_service_seconds) s / $(get on-import import_service_cpu_seconds) s | $(get off-import import_service_seconds) s / $(get off-import import_service_cpu_seconds) s |
| load average during | $(get on-import load_average) | $(get off-import load_average) |

## Request durations (target: within 10 % of the base)
**The calculator** (\`workingMinutes\` + \`breakdown\`, as a submit runs them; Europe/Berlin, 12 holidays):
this tree's \`DurationCalculator\` against the one before issue 28, frozen in the bench (\`HolidayBench.Before\`),
in the same JVM with rounds alternating (median of 9 rounds each after 2 warm-ups), so machine load hits both alike.

| | before issue 28 | issue 28 | ratio |
|---|---|---|---|
| two-week request (fsync=off run) | $(get off-durations calc_two_weeks_before_ns) ns | $(get off-durations calc_two_weeks_ns) ns | $(ratio "$(get off-durations calc_two_weeks_ns)" "$(get off-durations calc_two_weeks_before_ns)") |
| one-year request (fsync=off run) | $(get off-durations calc_one_year_before_ns) ns | $(get off-durations calc_one_year_ns) ns | $(ratio "$(get off-durations calc_one_year_ns)" "$(get off-durations calc_one_year_before_ns)") |
| two-week request (fsync=on run) | $(get on-durations calc_two_weeks_before_ns) ns | $(get on-durations calc_two_weeks_ns) ns | $(ratio "$(get on-durations calc_two_weeks_ns)" "$(get on-durations calc_two_weeks_before_ns)") |
| one-year request (fsync=on run) | $(get on-durations calc_one_year_before_ns) ns | $(get on-durations calc_one_year_ns) ns | $(ratio "$(get on-durations calc_one_year_ns)" "$(get on-durations calc_one_year_before_ns)") |

**The whole preview**: \`POST /requests/preview\` of a two-week request over HTTP (p50 of 2,000 after 500
warm-ups; employee, policy version, assignment and holiday reads, the calculator, the balance and its
forecast), on the base commit and on this tree, each in its own run (so load differs: compare CPU per
call). The base has 120 company-wide holidays; this tree also 6,000 located ones (50 locations) with
the employee in one of them.

| | base | issue 28 (fsync=off) | ratio |
|---|---|---|---|
| preview p50 | $(get base-durations preview_p50_ms) ms | $(get off-durations preview_p50_ms) ms | $(ratio "$(get off-durations preview_p50_ms)" "$(get base-durations preview_p50_ms)") |
| preview p95 | $(get base-durations preview_p95_ms) ms | $(get off-durations preview_p95_ms) ms | $(ratio "$(get off-durations preview_p95_ms)" "$(get base-durations preview_p95_ms)") |
| preview CPU per call (JVM + PostgreSQL) | $(get base-durations preview_cpu_ms_per_call) ms | $(get off-durations preview_cpu_ms_per_call) ms | $(ratio "$(get off-durations preview_cpu_ms_per_call)" "$(get base-durations preview_cpu_ms_per_call)") |
| requested minutes (this tree: the located holidays free one more day) | $(get base-durations preview_requested_minutes) | $(get off-durations preview_requested_minutes) | |
| load average during | $(get base-durations load_average) | $(get off-durations load_average) | |
MD
cat "$here/RESULTS.md"
