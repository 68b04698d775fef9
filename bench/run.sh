#!/usr/bin/env bash
# Power PTO load benchmark (issue 9). `make bench` runs it after building; it also runs standalone.
#
#   bash bench/run.sh            # full run, ~8 minutes on 2 cores; writes bench/results/<date>.md
#
# What it does: fresh embedded PostgreSQL 17 (fsync on) -> `java -jar power-pto.jar migrate` ->
# dataset in SQL (bench/sql/dataset.sql) -> API (`api` mode, ENVIRONMENT=development, logs to a
# file) -> warm-up -> wrk phases (bench/lua) and the pgbench anchor (bench/pgbench/submit.sql) ->
# reconcile -> report. See bench/README.md for the knobs and how to read the results.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

DURATION="${BENCH_DURATION:-30}"        # seconds per measured phase
WARMUP="${BENCH_WARMUP:-60}"            # seconds of mixed load before measuring (JIT; + 20 s balance + 15 s submit)
CONNS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
POOL="${PTO_DB_POOL_SIZE:-16}"
JFR="${BENCH_JFR:-1}"                   # 1 = an extra mixed phase under JFR (not measured: JFR costs throughput)
KEEP="${BENCH_KEEP:-0}"                 # 1 = keep the database and logs of the run
RESULTS_DIR="${BENCH_RESULTS_DIR:-$here/results}"
stamp="$(date -u +%Y-%m-%d)"
run_id="$(date -u +%Y%m%d-%H%M%S)"
work="$here/work/run-$run_id"
mkdir -p "$work" "$RESULTS_DIR"
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ tools
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  (apt-get update -qq && apt-get install -y -qq wrk) >"$work/apt.log" 2>&1 || { log "cannot install wrk (see $work/apt.log)"; exit 1; }
fi
if ! command -v pgbench >/dev/null || ! command -v psql >/dev/null; then
  log "installing the PostgreSQL client (psql, pgbench)"
  (apt-get update -qq && apt-get install -y -qq postgresql-client postgresql-contrib) >"$work/apt.log" 2>&1 \
    || { log "cannot install psql/pgbench (see $work/apt.log)"; exit 1; }
fi
if ! command -v pgbench >/dev/null; then
  pg_bin_dirs=(/usr/lib/postgresql/*/bin)
  export PATH="$PATH:${pg_bin_dirs[-1]}"
fi

# ------------------------------------------------------------------ the jar (copied: others rebuild in place)
jar="${BENCH_JAR:-}"
if [[ -z "$jar" ]]; then
  for candidate in "$root/backend/target/power-pto.jar" "$root/backend/target-bench/power-pto.jar"; do
    if [[ -f "$candidate" && ( -z "$jar" || "$candidate" -nt "$jar" ) ]]; then jar="$candidate"; fi
  done
fi
if [[ -z "$jar" ]]; then
  log "building the backend jar (target-bench)"
  (cd "$root/backend" && mvn -q -B -Dbuild.dir=target-bench -DskipTests package)
  jar="$root/backend/target-bench/power-pto.jar"
fi
cp "$jar" "$work/power-pto.jar"
JAR="$work/power-pto.jar"
log "jar: $jar"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT="$(free_port)"; APIPORT="$(free_port)"; MGMTPORT="$(free_port)"
while [[ "$APIPORT" == "$PGPORT" || "$MGMTPORT" == "$PGPORT" || "$MGMTPORT" == "$APIPORT" ]]; do MGMTPORT="$(free_port)"; done

# ------------------------------------------------------------------ PostgreSQL 17 (the app's embedded binaries)
pgbin="$(ls -d "${TMPDIR:-/tmp}"/power-pto-postgres-*/bin 2>/dev/null | tail -1 || true)"
if [[ -z "$pgbin" ]]; then
  log "unpacking the embedded PostgreSQL binaries (one throwaway migrate run)"
  (cd "$work" && ENVIRONMENT=development PTO_DATA_DIR="$work/unpack" java -jar "$JAR" migrate >"$work/unpack.log" 2>&1) || true
  rm -rf "$work/unpack"
  pgbin="$(ls -d "${TMPDIR:-/tmp}"/power-pto-postgres-*/bin | tail -1)"
fi
as_pg=(); [[ "$(id -u)" == 0 ]] && as_pg=(runuser -u nobody --)
pgdata="$work/pgdata"
mkdir -p "$pgdata"; chmod 700 "$pgdata"
[[ "$(id -u)" == 0 ]] && { chown nobody "$pgdata"; chmod o+x "$work" "$here/work"; }
PG_SETTINGS="fsync=on synchronous_commit=on full_page_writes=on shared_buffers=256MB max_connections=200 max_wal_size=2GB shared_preload_libraries=pg_stat_statements pg_stat_statements.track_planning=on"
pg_opts="-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
for s in $PG_SETTINGS; do pg_opts="$pg_opts -c $s"; done

api_pid=""; rss_pid=""
cleanup() {
  set +e
  [[ -n "$rss_pid" ]] && kill "$rss_pid" 2>/dev/null
  [[ -n "${floor_pid:-}" ]] && kill "$floor_pid" 2>/dev/null
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then kill "$api_pid"; wait "$api_pid" 2>/dev/null; fi
  [[ -f "$pgdata/postmaster.pid" ]] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1
  if [[ "$KEEP" != 1 ]]; then rm -rf "$pgdata" "$JAR"; fi
}
trap cleanup EXIT

log "initdb + start PostgreSQL on 127.0.0.1:$PGPORT ($PG_SETTINGS)"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -o "$pg_opts" -l "$pgdata/server.log" -w -t 60 start >/dev/null
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_ -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres"

log "migrate"
(cd "$work" && ENVIRONMENT=development java -jar "$JAR" migrate >"$work/migrate.log" 2>&1) || { log "migrate failed: $work/migrate.log"; exit 1; }

log "dataset (1 x 10,000 + 1,000 x 10 employees, 3 policies each, a year of ledger)"
t0=$(date +%s)
psql_ -f "$here/sql/dataset.sql" >"$work/dataset.txt"
dataset_seconds=$(( $(date +%s) - t0 ))
dataset_counts="$(grep -A2 companies "$work/dataset.txt" | tail -1 | tr -s ' ')"
log "dataset ready in ${dataset_seconds}s: $dataset_counts"

# ------------------------------------------------------------------ the API
log "start API on :$APIPORT (pool $POOL)"
API_JAVA_OPTS="${BENCH_JAVA_OPTS:--XX:+UseG1GC -Xmx512m}"
(cd "$work" && exec env ENVIRONMENT=development PORT="$APIPORT" PTO_MANAGEMENT_PORT="$MGMTPORT" \
   PTO_DB_POOL_SIZE="$POOL" MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,prometheus,loggers \
   java $API_JAVA_OPTS -jar "$JAR" api >"$work/api.log" 2>&1) &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$APIPORT/api/health" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { log "API died: $work/api.log"; exit 1; }
  sleep 0.5
done
java_pid="$(pgrep -P "$api_pid" java || echo "$api_pid")"
[[ -r /proc/$java_pid/status ]] || java_pid="$api_pid"
( while kill -0 "$java_pid" 2>/dev/null; do
    awk -v t="$(date +%s)" '/^VmRSS/ {print t, $2}' "/proc/$java_pid/status" 2>/dev/null; sleep 0.5
  done ) >"$work/rss.txt" &
rss_pid=$!

# CPU accounting per phase (the box is shared): machine busy jiffies vs. ours (API JVM, our
# PostgreSQL incl. exited backends, and this script's children: wrk/pgbench).
hz="$(getconf CLK_TCK)"
postmaster="$(head -1 "$pgdata/postmaster.pid")"
cpu_sample() {  # -> "time busy api pg loadgen" (jiffies)
  local busy api pg kids gen
  busy="$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)"
  api="$(awk '{print $14 + $15}' "/proc/$java_pid/stat" 2>/dev/null || echo 0)"
  pg="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")"
  kids="$(for c in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')"
  gen="$(awk '{print $16 + $17}' "/proc/$$/stat")"   # reaped children of this script: wrk, pgbench
  echo "$(date +%s.%N) $busy $api $(( pg + kids )) $gen"
}
# cpu_report NAME START END UNITS: machine busy / others' share of all cores, and CPU ms per unit
# (request, or pgbench transaction) of the API, PostgreSQL and the load generator; "alone" = the
# throughput those costs allow if the benchmark had every core of the box to itself.
cpu_report() {
  awk -v name="$1" -v hz="$hz" -v n="$(nproc)" -v s="$2" -v e="$3" -v units="$4" 'BEGIN {
    split(s, a, " "); split(e, b, " "); secs = b[1] - a[1]; cap = secs * hz * n
    busy = b[2] - a[2]; api = b[3] - a[3]; pg = b[4] - a[4]; gen = b[5] - a[5]
    others = busy - api - pg - gen; if (others < 0) others = 0
    ms = 1000 / hz; per = (api + pg + gen) * ms / (units > 0 ? units : 1)
    printf "CPU %-15s machine_busy=%3.0f%% others=%3.0f%% | per unit: api=%.2fms pg=%.2fms loadgen=%.2fms total=%.2fms | alone≈%.0f/s\n",
      name, 100 * busy / cap, 100 * others / cap, api * ms / units, pg * ms / units, gen * ms / units, per,
      (per > 0 ? n * 1000 / per : 0) }'
}
log "load average before the measured phases: $(cut -d' ' -f1-3 /proc/loadavg)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

export BENCH_LUA_DIR="$here/lua" BENCH_THREADS="$THREADS"
URL="http://127.0.0.1:$APIPORT"
# run_wrk NAME SCRIPT PHASE APPROVE_PCT SECONDS
run_wrk() {
  local name="$1" script="$2" phase="$3" approve="$4" secs="$5"
  log "wrk $name: $CONNS connections, $THREADS threads, ${secs}s ($script)"
  local c0; c0="$(cpu_sample)"
  BENCH_PHASE="$phase" BENCH_APPROVE_PCT="$approve" \
    wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s --latency -s "$here/lua/$script" "$URL" >"$work/wrk-$name.txt" 2>&1
  grep '^RESULT' "$work/wrk-$name.txt" | sed "s/^RESULT/RESULT $name/" >>"$work/results.txt"
  cpu_report "$name" "$c0" "$(cpu_sample)" "$(grep "^RESULT $name " "$work/results.txt" | tr ' ' '\n' | grep '^requests=' | cut -d= -f2)" >>"$work/cpu.txt"
  grep '^LAST_ERROR' "$work/wrk-$name.txt" >&2 || true
  grep "^RESULT $name" "$work/results.txt" >&2
}
get() { grep "^RESULT $1 " "$work/results.txt" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
set_http_log() {  # INFO (default) or WARN (off) for the one-line-per-request logger
  curl -fs -X POST -H 'Content-Type: application/json' -d "{\"configuredLevel\":\"$1\"}" \
    "http://127.0.0.1:$MGMTPORT/actuator/loggers/com.powerpto.http" >/dev/null
}

: >"$work/results.txt"; : >"$work/cpu.txt"
run_wrk warmup mixed.lua 0 50 "$WARMUP"
run_wrk warmup-balance balance.lua 0 0 45
run_wrk warmup-submit submit.lua 3 0 15

# A-B-A: the request log line on, off (logger at WARN, set at run time), on again.
run_wrk balance balance.lua 0 0 "$DURATION"
set_http_log WARN
run_wrk balance-nolog balance.lua 0 0 "$DURATION"
set_http_log INFO
run_wrk balance-log2 balance.lua 0 0 "$DURATION"

run_wrk submit submit.lua 1 0 "$DURATION"

log "pgbench anchor: $CONNS clients, $THREADS threads, ${DURATION}s (bench/pgbench/submit.sql)"
c0="$(cpu_sample)"
pgbench -n -M prepared -c "$CONNS" -j "$THREADS" -T "$DURATION" -D clients="$CONNS" -D n=0 \
  -f "$here/pgbench/submit.sql" >"$work/pgbench.txt" 2>&1 || { log "pgbench failed: $work/pgbench.txt"; cat "$work/pgbench.txt" >&2; exit 1; }
sleep 1  # let the postmaster reap pgbench's backends: their CPU moves into its cutime/cstime
c1="$(cpu_sample)"
anchor_tps="$(awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]}' "$work/pgbench.txt")"
anchor_lat="$(awk -F'= ' '/^latency average/ {split($2, a, " "); print a[1]}' "$work/pgbench.txt")"
anchor_failed="$(awk -F': ' '/number of failed transactions/ {split($2, a, " "); print a[1]}' "$work/pgbench.txt")"
anchor_n="$(awk -F': ' '/number of transactions actually processed/ {split($2, a, " "); print a[1]}' "$work/pgbench.txt")"
cpu_report anchor "$c0" "$c1" "$anchor_n" >>"$work/cpu.txt"
log "anchor: $anchor_tps tx/s (submit+cancel), latency avg $anchor_lat ms, failed ${anchor_failed:-0}"

# The read anchor (issue 27): the balance read's own statement in pgbench, same clients and threads.
log "pgbench read anchor: $CONNS clients, $THREADS threads, ${DURATION}s (bench/pgbench/balance.sql)"
c0="$(cpu_sample)"
pgbench -n -M prepared -c "$CONNS" -j "$THREADS" -T "$DURATION" \
  -f "$here/pgbench/balance.sql" >"$work/pgbench-read.txt" 2>&1 || { log "pgbench (read) failed: $work/pgbench-read.txt"; cat "$work/pgbench-read.txt" >&2; exit 1; }
sleep 1
c1="$(cpu_sample)"
read_tps="$(awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]}' "$work/pgbench-read.txt")"
read_lat="$(awk -F'= ' '/^latency average/ {split($2, a, " "); print a[1]}' "$work/pgbench-read.txt")"
read_n="$(awk -F': ' '/number of transactions actually processed/ {split($2, a, " "); print a[1]}' "$work/pgbench-read.txt")"
cpu_report read-anchor "$c0" "$c1" "$read_n" >>"$work/cpu.txt"
log "read anchor: $read_tps tx/s (balance statement), latency avg $read_lat ms"

# The floor (issue 27): what the balance read can reach in Java at all on this box. bench/floor/Floor.java
# is the same container (embedded Tomcat), pool, driver and JSON library as the API, taken from the
# jar, with nothing else (no Spring, security, log line or metrics): a no-op route and the balance
# statement. Its throughput against the read anchor is the ceiling of any balance read in this stack.
FLOOR="${BENCH_FLOOR:-1}"
floor_pid=""
if [[ "$FLOOR" == 1 ]]; then
  mkdir -p "$work/floor/lib"
  (cd "$work/floor/lib" && unzip -q -j -o "$JAR" 'BOOT-INF/lib/tomcat-embed-core-*' 'BOOT-INF/lib/HikariCP-*' \
     'BOOT-INF/lib/jackson-core-*' 'BOOT-INF/lib/jackson-databind-*' 'BOOT-INF/lib/jackson-annotations-*' \
     'BOOT-INF/lib/postgresql-*' 'BOOT-INF/lib/slf4j-api-*' 'BOOT-INF/lib/jakarta.annotation-api-*')
  javac -d "$work/floor/classes" -cp "$work/floor/lib/*" "$here/floor/Floor.java"
  FLOORPORT="$(free_port)"
  java $API_JAVA_OPTS -cp "$work/floor/lib/*:$work/floor/classes" Floor "$FLOORPORT" "$DATABASE_URL" "$POOL" >"$work/floor.log" 2>&1 &
  floor_pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$FLOORPORT/noop" >/dev/null 2>&1 && break; sleep 0.5; done
  floor_url="http://127.0.0.1:$FLOORPORT"
  # cpu_sample with the floor JVM in the api column (the API JVM is idle during these phases)
  floor_sample() { cpu_sample | awk -v f="$(awk '{print $14 + $15}' "/proc/$floor_pid/stat")" '{ $3 = f; print }'; }
  # run_floor NAME PATH|SCRIPT SECONDS: like run_wrk, against the floor server
  run_floor() {
    local name="$1" what="$2" secs="$3" c0 args n rps
    log "wrk $name (floor): $CONNS connections, ${secs}s ($what)"
    if [[ "$what" == *.lua ]]; then args=(-s "$here/lua/$what" "$floor_url"); else args=("$floor_url$what"); fi
    c0="$(floor_sample)"
    BENCH_PHASE=0 wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s --latency "${args[@]}" >"$work/wrk-$name.txt" 2>&1
    n="$(awk '/requests in/ {print $1}' "$work/wrk-$name.txt")"
    rps="$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$name.txt")"
    echo "RESULT $name requests=$n rps=$rps" >>"$work/results.txt"
    cpu_report "$name" "$c0" "$(floor_sample)" "$n" | sed 's/ api=/ floor_jvm=/' >>"$work/cpu.txt"
    log "$name: $rps req/s"
  }
  run_floor floor-warmup balance.lua 15
  run_floor floor-balance balance.lua "$DURATION"
  run_floor floor-noop /noop "$DURATION"
  kill "$floor_pid" 2>/dev/null; wait "$floor_pid" 2>/dev/null || true; floor_pid=""
fi

psql_ -c "SELECT pg_stat_statements_reset()" >/dev/null
run_wrk mixed mixed.lua 2 50 "$DURATION"
psql_ -A -F $'\t' -c "SELECT round(total_exec_time)::bigint AS total_ms, calls, round(mean_exec_time::numeric, 3) AS mean_ms,
  rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) AS query
  FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15" >"$work/pg-top-statements.tsv"
curl -fs "http://127.0.0.1:$MGMTPORT/actuator/prometheus" >"$work/prometheus.txt" 2>/dev/null || true

# Open-loop latency (issue 27): a constant arrival rate at half the saturating throughput the closed
# loop just measured (balance phase, mixed phase), from bench/openloop/OpenLoop.java (JDK only).
# run_open NAME KIND RATE PHASE APPROVE_PCT
run_open() {
  local name="$1" kind="$2" rate="$3" phase="$4" approve="$5"
  log "open loop $name: $kind at $rate req/s for ${DURATION}s (+5 s unmeasured)"
  local c0; c0="$(cpu_sample)"
  java -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -cp "$work/openloop" OpenLoop "$URL" "$kind" "$rate" "$DURATION" "$phase" "$approve" 5 \
    >"$work/open-$name.txt" 2>&1 || { log "open loop $name failed: $work/open-$name.txt"; cat "$work/open-$name.txt" >&2; exit 1; }
  grep '^RESULT' "$work/open-$name.txt" | sed "s/^RESULT/RESULT $name/" >>"$work/results.txt"
  cpu_report "$name" "$c0" "$(cpu_sample)" "$(get "$name" requests)" >>"$work/cpu.txt"
  grep '^LAST_ERROR' "$work/open-$name.txt" >&2 || true
  grep "^RESULT $name" "$work/results.txt" >&2
}
mkdir -p "$work/openloop"
javac -d "$work/openloop" "$here/openloop/OpenLoop.java"
half() { awk -v r="$1" 'BEGIN { printf "%.0f", r / 2 }'; }
# The saturating balance throughput: the better of the two phases with the request log on (balance,
# balance-log2: same configuration, A-B-A), so a burst of other work on the box during one of them
# does not halve the open-loop rate.
best_balance_rps="$(awk -v a="$(get balance rps)" -v b="$(get balance-log2 rps)" 'BEGIN { print (a > b ? a : b) }')"
ol_balance_rate="$(half "$best_balance_rps")"
ol_mixed_rate="$(half "$(get mixed rps)")"
run_open open-balance balance "$ol_balance_rate" 0 0
run_open open-mixed mixed "$ol_mixed_rate" 7 50

# The budget per request of the hot paths: statements, round trips, CPU (sequential requests).
log "paths: statements and CPU per request (bench/paths.py)"
python3 "$here/paths.py" "$URL" "$java_pid" "$postmaster" "${BENCH_PATHS_N:-200}" >"$work/paths.md" 2>"$work/paths.err" \
  || { log "paths.py failed: $work/paths.err"; cat "$work/paths.err" >&2; }
if [[ "$JFR" == 1 ]]; then
  # Profiled separately: a JFR recording (even settings=default) slows the API down, so this phase
  # is not a figure (a recording started at run time cost 4-14x the API CPU per request on this box).
  jfr_secs=$(( DURATION < 20 ? DURATION : 20 ))
  jcmd "$java_pid" JFR.start name=bench settings=default duration="${jfr_secs}s" filename="$work/mixed.jfr" >/dev/null 2>&1 || true
  run_wrk mixed-jfr mixed.lua 4 50 "$jfr_secs"
  sleep 2
fi

# ------------------------------------------------------------------ after: RSS, reconciliation, profile
kill "$rss_pid" 2>/dev/null || true; rss_pid=""
rss_max_kb="$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$work/rss.txt")"
rss_max_mb=$(( rss_max_kb / 1024 ))

log "reconcile (java -jar power-pto.jar reconcile) + SQL check"
set +e
(cd "$work" && ENVIRONMENT=development java -jar "$JAR" reconcile >"$work/reconcile.log" 2>&1)
reconcile_rc=$?
set -e
reconcile_sql="$(psql -X -A -t -F ' ' -f "$here/sql/reconcile.sql")"
sql_mismatches="$(awk '{print $1}' <<<"$reconcile_sql")"
log "reconcile exit $reconcile_rc; SQL: mismatches snapshots open_holds left_submitted ledger_rows = $reconcile_sql"

profile_md=""
if [[ "$JFR" == 1 && -f "$work/mixed.jfr" ]]; then
  bash "$here/jfr-top.sh" "$work/mixed.jfr" >"$work/profile.txt" 2>/dev/null || true
  profile_md="$(cat "$work/profile.txt")"
fi

# ------------------------------------------------------------------ report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
pass() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
b_rps="$(get balance rps)"; b_p99="$(get balance p99_ms)"; b_bad="$(get balance non2xx)"
n_rps="$(get balance-nolog rps)"; n_p99="$(get balance-nolog p99_ms)"; l2_rps="$(get balance-log2 rps)"
s_cyc="$(get submit cycles_per_s)"; s_rps="$(get submit rps)"; s_p99="$(get submit p99_ms)"; s_bad="$(get submit non2xx)"
m_rps="$(get mixed rps)"; m_p50="$(get mixed p50_ms)"; m_p99="$(get mixed p99_ms)"; m_bad="$(get mixed non2xx)"; m_sock="$(get mixed socket_errors)"
ob_rps="$(get open-balance rps)"; ob_p50="$(get open-balance p50_ms)"; ob_p99="$(get open-balance p99_ms)"
ob_bad="$(( $(get open-balance non2xx) + $(get open-balance socket_errors) ))"; ob_late="$(get open-balance late_sends)"
om_rps="$(get open-mixed rps)"; om_p50="$(get open-mixed p50_ms)"; om_p99="$(get open-mixed p99_ms)"
om_bad="$(( $(get open-mixed non2xx) + $(get open-mixed socket_errors) ))"; om_late="$(get open-mixed late_sends)"
submit_share="$(awk -v a="$s_cyc" -v b="$anchor_tps" 'BEGIN { printf "%.1f", 100 * a / b }')"
read_share="$(awk -v a="$best_balance_rps" -v b="$read_tps" 'BEGIN { printf "%.1f", 100 * a / b }')"
log_cost="$(awk -v a="$b_rps" -v c="$l2_rps" -v b="$n_rps" 'BEGIN { printf "%.1f", 100 * (b - (a + c) / 2) / b }')"
# Targets of issue 27 (they replace issue 9's absolute balance target: balance reads are a ratio now).
v_submit="$(pass "$submit_share >= 60")"
v_read="$(pass "$read_share >= 50")"
v_open_balance="$(pass "$ob_p99 < 25 && $ob_bad == 0")"
v_open_mixed="$(pass "$om_p99 < 50 && $om_bad == 0")"
v_mixed="$(pass "$m_bad == 0 && $m_sock == 0 && $reconcile_rc == 0 && $sql_mismatches == 0")"
v_rss="$(pass "$rss_max_mb < 768")"
summary="submit+cancel ${s_cyc} cycles/s = ${submit_share}% of the write anchor ${anchor_tps} tx/s [$v_submit]; balance ${best_balance_rps} req/s (best log-on phase) = ${read_share}% of the read anchor ${read_tps} tx/s [$v_read]; open-loop balance at ${ob_rps} req/s p50 ${ob_p50} ms p99 ${ob_p99} ms [$v_open_balance]; open-loop mixed at ${om_rps} req/s p50 ${om_p50} ms p99 ${om_p99} ms [$v_open_mixed]; closed mixed ${m_rps} req/s p99 ${m_p99} ms, ${m_bad} non-2xx, reconcile rc ${reconcile_rc} [$v_mixed]; RSS max ${rss_max_mb} MB [$v_rss]"
others_line="$(grep -v '^CPU warmup' "$work/cpu.txt" | awk '{match($0, /others= *[0-9]+%/); v = substr($0, RSTART + 7, RLENGTH - 7); gsub(/ /, "", v); printf "%s%s %s", sep, $2, v; sep = ", "}')"
summary="$summary; others' CPU share: $others_line"

pg_version="$(psql -X -A -t -c 'SHOW server_version')"
java_version="$(java -version 2>&1 | head -2 | tr '\n' ' ')"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -m | awk '/^Mem:/ {print $2 " MB total, " $7 " MB available at the end"}')"
loadavg="$(cut -d' ' -f1-3 /proc/loadavg)"
out="$RESULTS_DIR/$stamp.md"
[[ -e "$out" ]] && out="$RESULTS_DIR/$stamp-$run_id.md"
{
  echo "# Load benchmark — $stamp"
  echo
  echo "**Summary:** $summary"
  echo
  echo "Command: \`bash bench/run.sh\` (BENCH_DURATION=$DURATION s per phase, warm-up $WARMUP s, $CONNS connections, $THREADS wrk threads, PTO_DB_POOL_SIZE=$POOL, JVM \`$API_JAVA_OPTS\`). Run id $run_id."
  echo
  echo "## Machine"
  echo "- nproc: $(nproc); CPU: $cpu; memory: $mem; load average after the run: $loadavg"
  echo "- Java: $java_version"
  echo "- PostgreSQL: $pg_version (embedded binaries $pgbin), settings: \`$PG_SETTINGS\`"
  echo "- wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(pgbench --version); load generator, API and database on the same box"
  echo "- jar: \`${jar#$root/}\` ($(date -u -r "$jar" +%Y-%m-%dT%H:%MZ)), git $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
  echo "- dataset: $dataset_counts (companies employees assignments requests ledger_entries snapshots audit_rows), generated in ${dataset_seconds} s"
  echo
  echo "## Figures"
  echo
  echo "| what | figure | target | ratio to target | verdict |"
  echo "|---|---|---|---|---|"
  echo "| balance reads, $CONNS conn (closed loop, saturating) | **$b_rps req/s**, p50 $(get balance p50_ms) ms, p99 $b_p99 ms, non-2xx $b_bad; balance-log2 (same, later) $l2_rps req/s | ≥ 50 % of the read anchor | the better one, $best_balance_rps req/s = **${read_share} %** of the read anchor = $(ratio "$read_share" 50)× of the target | $v_read |"
  echo "| pgbench read anchor (the balance statement), $CONNS clients | $read_tps tx/s, latency avg $read_lat ms | — | — | — |"
  if [[ "$FLOOR" == 1 ]]; then
    echo "| floor: the balance statement behind bare Tomcat + HikariCP + pgjdbc + Jackson (bench/floor, no Spring), $CONNS conn | $(get floor-balance rps) req/s | (ceiling) | **$(awk -v a="$(get floor-balance rps)" -v b="$read_tps" 'BEGIN { printf "%.1f", 100 * a / b }') %** of the read anchor: no balance read in this stack can exceed it | — |"
    echo "| floor: a no-op route, same server | $(get floor-noop rps) req/s | (ceiling) | — | — |"
  fi
  echo "| balance reads, open loop at half the saturating rate ($ol_balance_rate req/s) | $ob_rps req/s, p50 $ob_p50 ms, p99 **$ob_p99 ms**, errors $ob_bad, late sends $ob_late | p99 < 25 ms | p99 at $(ratio "$ob_p99" 25)× of the limit | $v_open_balance |"
  echo "| mixed workload, open loop at half the saturating rate ($ol_mixed_rate req/s) | $om_rps req/s, p50 $om_p50 ms, p99 **$om_p99 ms**, errors $om_bad, late sends $om_late | p99 < 50 ms | p99 at $(ratio "$om_p99" 50)× of the limit | $v_open_mixed |"
  echo "| balance reads, request log off (WARN) | $n_rps req/s, p99 $n_p99 ms | (log cost) | with the log on before/after: $b_rps and $l2_rps req/s → one JSON log line per request costs ${log_cost} % of throughput | — |"
  echo "| submit + cancel cycles, $CONNS conn | **$s_cyc cycles/s** ($s_rps HTTP req/s), p99 $s_p99 ms, non-2xx $s_bad | ≥ 60 % of anchor | **${submit_share} %** of the anchor = $(ratio "$submit_share" 60)× of the target | $v_submit |"
  echo "| pgbench anchor (same SQL transaction, submit + cancel), $CONNS clients | $anchor_tps tx/s, latency avg $anchor_lat ms, failed ${anchor_failed:-0} | — | — | — |"
  echo "| mixed workload, $CONNS conn (closed loop, saturating) | $m_rps req/s, p50 $m_p50 ms, p99 $m_p99 ms, non-2xx **$m_bad**, socket errors $m_sock | 0 errors, reconciliation clean | — | $v_mixed |"
  echo "| reconciliation after the run | \`reconcile\` exit $reconcile_rc; SQL: $reconcile_sql | exit 0, 0 mismatches | — | $( [[ $reconcile_rc == 0 && $sql_mismatches == 0 ]] && echo PASS || echo FAIL ) |"
  echo "| API RSS (VmRSS, sampled every 0.5 s) | max **$rss_max_mb MB** | < 768 MB | $(ratio "$rss_max_mb" 768)× of the limit | $v_rss |"
  echo
  echo "SQL reconcile columns: mismatches, snapshots, snapshots with open holds, requests left SUBMITTED (cycles cut off when wrk stopped), ledger rows."
  echo
  echo "## CPU during each phase (the box is shared: 'others' = processes outside this benchmark, share of all $(nproc) cores)"
  echo
  echo "Load average before the measured phases: $load_before. Per unit = CPU ms per HTTP request (per pgbench transaction = submit + cancel for the anchor); 'alone' = $(nproc) cores ÷ that cost, the throughput the box could give the phase if nobody else used it (an estimate, not a measurement)."
  echo
  echo '```'
  cat "$work/cpu.txt"
  echo '```'
  echo
  echo "## Budget per request of the hot paths (bench/paths.py: ${BENCH_PATHS_N:-200} sequential requests each, after the phases above)"
  echo
  cat "$work/paths.md" 2>/dev/null | awk '/^\|/' 
  echo
  echo '```'
  cat "$work/paths.md" 2>/dev/null | awk '!/^\|/'
  echo '```'
  echo
  echo "## Every wrk phase"
  echo
  echo '```'
  cat "$work/results.txt"
  echo '```'
  echo
  echo "## Top statements during the mixed phase (pg_stat_statements)"
  echo
  echo '```'
  cat "$work/pg-top-statements.tsv"
  echo '```'
  if [[ -n "$profile_md" ]]; then
    echo
    echo "## Where the API's CPU goes in the mixed workload (JFR execution samples, separate phase mixed-jfr)"
    echo
    echo '```'
    echo "$profile_md"
    echo '```'
  fi
} >"$out"
cp "$work/results.txt" "$work/summary.txt"
echo "$summary" >>"$work/summary.txt"
log "results: ${out#$root/}"
echo "$summary"
