#!/usr/bin/env bash
# Start-up under Fargate-sized CPU quotas (issue 30): the backend jar started the way ECS starts it
# (api at 0.5 vCPU / 1 GB, worker at 0.25 vCPU / 0.5 GB, each with its task definition's
# JAVA_TOOL_OPTIONS) inside a cgroup that caps its CPU and memory, against a PostgreSQL 17 outside
# the cgroup (RDS is not in the task either). Measures, from the moment the process is spawned:
#   live  = first 200 from GET /health/live (the ECS container check; the worker's only check)
#   ready = first 200 from GET /health      (database reachable; the deploy's smoke test)
# for the plain executable jar and for the image's layout (extracted jar + AppCDS archive, prepared by
# backend/src/main/docker/appcds.sh exactly as the Dockerfile does), and writes bench/startup/RESULTS.md.
#
# Usage: bash bench/startup/run.sh            (root: cgroups; about 15 minutes on a 2-core box)
# Knobs: STARTUP_RUNS (3), STARTUP_VARIANTS ("plain cds"; add "baseline" with STARTUP_BASELINE_JAR, an
# older jar started plainly, to compare releases), BENCH_JAR (newest backend/target/power-pto.jar)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${STARTUP_RUNS:-3}"
read -r -a variants <<<"${STARTUP_VARIANTS:-plain cds}"
work="$root/bench/work/startup-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
log() { echo "[startup $(date +%H:%M:%S)] $*" >&2; }

[[ "$(id -u)" == 0 ]] || { echo "bench/startup needs root (it creates cgroups for the CPU and memory limits)" >&2; exit 1; }

# ------------------------------------------------------------------ cgroups: v1 (cpu + memory hierarchies) or v2
if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
  cgroup_mode=v2
  grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu >/sys/fs/cgroup/cgroup.subtree_control
  grep -qw memory /sys/fs/cgroup/cgroup.subtree_control || echo +memory >/sys/fs/cgroup/cgroup.subtree_control
elif [[ -d /sys/fs/cgroup/cpu && -d /sys/fs/cgroup/memory ]]; then
  cgroup_mode=v1
else
  echo "no usable cgroup hierarchy (neither v2 nor v1 cpu+memory) under /sys/fs/cgroup" >&2; exit 1
fi
cg_name="pto-startup-$$"
# cg_create <quota in 1/100000 of a CPU per 100 ms period> <memory MB>
cg_create() {
  if [[ $cgroup_mode == v2 ]]; then
    mkdir "/sys/fs/cgroup/$cg_name"
    echo "$1 100000" >"/sys/fs/cgroup/$cg_name/cpu.max"
    echo "$(( $2 * 1024 * 1024 ))" >"/sys/fs/cgroup/$cg_name/memory.max"
  else
    mkdir "/sys/fs/cgroup/cpu/$cg_name" "/sys/fs/cgroup/memory/$cg_name"
    echo 100000 >"/sys/fs/cgroup/cpu/$cg_name/cpu.cfs_period_us"
    echo "$1" >"/sys/fs/cgroup/cpu/$cg_name/cpu.cfs_quota_us"
    echo "$(( $2 * 1024 * 1024 ))" >"/sys/fs/cgroup/memory/$cg_name/memory.limit_in_bytes"
  fi
}
cg_procs_files() {
  if [[ $cgroup_mode == v2 ]]; then echo "/sys/fs/cgroup/$cg_name/cgroup.procs"
  else echo "/sys/fs/cgroup/cpu/$cg_name/cgroup.procs /sys/fs/cgroup/memory/$cg_name/cgroup.procs"; fi
}
cg_remove() {
  if [[ $cgroup_mode == v2 ]]; then rmdir "/sys/fs/cgroup/$cg_name" 2>/dev/null || true
  else rmdir "/sys/fs/cgroup/cpu/$cg_name" "/sys/fs/cgroup/memory/$cg_name" 2>/dev/null || true; fi
}

# ------------------------------------------------------------------ the jar (copied: others rebuild in place)
jar="${BENCH_JAR:-}"
if [[ -z "$jar" ]]; then
  for candidate in "$root/backend/target/power-pto.jar" "$root/backend/target-bench/power-pto.jar"; do
    if [[ -f "$candidate" && ( -z "$jar" || "$candidate" -nt "$jar" ) ]]; then jar="$candidate"; fi
  done
fi
[[ -n "$jar" ]] || { log "building the backend jar"; (cd "$root/backend" && mvn -q -B -DskipTests package); jar="$root/backend/target/power-pto.jar"; }
cp "$jar" "$work/power-pto.jar"
log "jar: $jar"
if [[ " ${variants[*]} " == *" baseline "* ]]; then
  cp "${STARTUP_BASELINE_JAR:?set STARTUP_BASELINE_JAR for the baseline variant}" "$work/baseline.jar"
fi
log "preparing the image layout with backend/src/main/docker/appcds.sh (extract + training start)"
t0=$(date +%s)
sh "$root/backend/src/main/docker/appcds.sh" "$work/power-pto.jar" "$work/cds"
appcds_seconds=$(( $(date +%s) - t0 ))

# The task definitions' JVM options (Terraform defaults of the ecs module).
tf_default() { awk -v v="variable \"$1\"" '$0 ~ v {f=1} f && /default/ {sub(/.*default *= *"/, ""); sub(/" *$/, ""); print; exit}' "$root/infra/terraform/modules/ecs/variables.tf"; }
api_opts="$(tf_default api_java_tool_options)"
worker_opts="$(tf_default worker_java_tool_options)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ------------------------------------------------------------------ PostgreSQL 17 outside the cgroup
pgbin="$(find "${TMPDIR:-/tmp}" -maxdepth 2 -type d -path '*/power-pto-postgres-*/bin' 2>/dev/null | sort | tail -1)"
if [[ -z "$pgbin" ]]; then
  log "unpacking the embedded PostgreSQL binaries (one throwaway migrate run)"
  (cd "$work" && ENVIRONMENT=development PTO_DATA_DIR="$work/unpack" java -jar "$work/power-pto.jar" migrate >"$work/unpack.log" 2>&1) || true
  rm -rf "$work/unpack"
  pgbin="$(find "${TMPDIR:-/tmp}" -maxdepth 2 -type d -path '*/power-pto-postgres-*/bin' | sort | tail -1)"
fi
pgdata="$work/pgdata"
mkdir -p "$pgdata"; chmod 700 "$pgdata"; chown nobody "$pgdata"; chmod o+x "$work" "$root/bench/work"
as_pg=(runuser -u nobody --)
pgport="$(free_port)"
app_pid=""
cleanup() {
  set +e
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  cg_remove
  [[ -f "$pgdata/postmaster.pid" ]] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1
  rm -rf "$pgdata" "$work/power-pto.jar" "$work/baseline.jar" "$work/cds"
}
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" \
  -l "$pgdata/server.log" -w -t 60 start >/dev/null
database_url="postgresql://postgres@127.0.0.1:$pgport/postgres"
(cd "$work" && ENVIRONMENT=development DATABASE_URL="$database_url" java -jar "$work/power-pto.jar" migrate >"$work/migrate.log" 2>&1) \
  || { log "migrate failed: $work/migrate.log"; exit 1; }

# ------------------------------------------------------------------ one start
elapsed() { awk -v now="$(date +%s.%N)" -v start="$1" 'BEGIN {printf "%.1f", now - start}'; }
# measure <variant> <service> <cpu quota> <memory MB> <JAVA_TOOL_OPTIONS>  ->  MEASURED="live ready started" (seconds)
measure() {
  local variant=$1 service=$2 quota=$3 memory=$4 opts=$5 port live="" ready="" start code out
  port="$(free_port)"
  local -a java_cmd=(java -jar "$work/power-pto.jar" "$service")
  [[ $variant == cds ]] && java_cmd=(java "-XX:SharedArchiveFile=$work/cds/app.jsa" -jar "$work/cds/power-pto.jar" "$service")
  [[ $variant == baseline ]] && java_cmd=(java -jar "$work/baseline.jar" "$service")
  out="$work/$variant-$service-$(date +%s%N).log"
  cg_create "$quota" "$memory"
  start=$(date +%s.%N)
  # shellcheck disable=SC2016 # $$ and "$@" belong to the inner shell
  env -i PATH="$PATH" HOME="$work" LANG=C.UTF-8 TZ=UTC ENVIRONMENT=production PORT="$port" PTO_MANAGEMENT_PORT="$(free_port)" \
    DATABASE_URL="$database_url" JWT_SECRET="bench-startup-only-signing-key-0000000000000000" PAYROLL_WEBHOOK_SECRET=bench APP_BASE_URL=https://pto.example.com \
    AWS_REGION=us-east-1 JAVA_TOOL_OPTIONS="$opts" CG_PROCS="$CG_PROCS" \
    sh -c 'for f in $CG_PROCS; do echo $$ >"$f"; done; exec "$@"' sh "${java_cmd[@]}" >"$out" 2>&1 &
  app_pid=$!
  while [[ -z "$live" || ( $service == api && -z "$ready" ) ]]; do
    kill -0 "$app_pid" 2>/dev/null || { log "$variant $service died: $out"; tail -20 "$out" >&2; exit 1; }
    if awk -v t="$(elapsed "$start")" 'BEGIN {exit !(t > 400)}'; then log "$variant $service: not up after 400 s ($out)"; exit 1; fi
    if [[ -z "$live" ]]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/live" || true)
      [[ $code == 200 ]] && live=$(elapsed "$start")
    fi
    if [[ $service == api && -z "$ready" ]]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)
      [[ $code == 200 ]] && ready=$(elapsed "$start")
    fi
    sleep 0.2
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  cg_remove
  local started
  started=$(grep -o 'Started PowerPtoApplication in [0-9.]*' "$out" | awk '{print $NF}' | head -1)
  MEASURED="$live ${ready:--} ${started:--}"
}
CG_PROCS="$(cg_procs_files)"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A results
for variant in "${variants[@]}"; do
  for i in $(seq 1 "$runs"); do
    measure "$variant" api 50000 1024 "$api_opts"
    results[$variant,api]+="$MEASURED;"; log "$variant api    run $i: live ready started = $MEASURED"
    measure "$variant" worker 25000 512 "$worker_opts"
    results[$variant,worker]+="$MEASURED;"; log "$variant worker run $i: live ready started = $MEASURED"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# column <results> <field 1..3> -> "median (max)"
column() { tr ';' '\n' <<<"$1" | awk -v f="$2" 'NF {print $f}' | grep -v '^-$' | sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "–"; exit} printf "%.1f s (max %.1f)", a[int((NR+1)/2)], a[NR]}'; }
max_of() { tr ';' '\n' <<<"$1" | awk -v f="$2" 'NF {print $f}' | sort -n | tail -1; }

tf_ecs="$root/infra/terraform/modules/ecs/main.tf"
start_periods="$(grep -noE 'startPeriod *= *[0-9]+' "$tf_ecs" | tr -s ' ' | paste -sd ';' -)"
grace="$(grep -o 'health_check_grace_period_seconds *= *[0-9a-z_.]*' "$tf_ecs" | paste -sd ';' -)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
{
  echo "# Start-up under Fargate-sized CPU quotas"
  echo
  echo "Command: \`bash bench/startup/run.sh\` (root; STARTUP_RUNS=$runs). Run on $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu),"
  echo "$(free -h | awk '/^Mem:/ {print $2}') memory, cgroup $cgroup_mode; load average before $load_before, after $load_after"
  echo "(the box is shared with other builds: figures are upper bounds)."
  echo
  echo "Each start: a fresh JVM in a cgroup capped like its Fargate task (api 0.5 vCPU = 50 ms per 100 ms"
  echo "and 1024 MB; worker 0.25 vCPU = 25 ms per 100 ms and 512 MB), with its task definition's"
  echo "JAVA_TOOL_OPTIONS (api \`$api_opts\`; worker \`$worker_opts\`), ENVIRONMENT=production, PostgreSQL 17"
  echo "outside the cgroup. Times from spawn to the first 200; median of $runs (max)."
  echo
  echo "| variant | service | live (/health/live) | ready (/health) | Spring's \"Started in\" |"
  echo "|---|---|---|---|---|"
  for variant in "${variants[@]}"; do
    echo "| $variant | api (0.5 vCPU, 1 GB) | $(column "${results[$variant,api]}" 1) | $(column "${results[$variant,api]}" 2) | $(column "${results[$variant,api]}" 3) |"
    echo "| $variant | worker (0.25 vCPU, 0.5 GB) | $(column "${results[$variant,worker]}" 1) | – | $(column "${results[$variant,worker]}" 3) |"
  done
  echo
  [[ " ${variants[*]} " == *" baseline "* ]] && echo "**baseline** = \`java -jar\` of ${STARTUP_BASELINE_LABEL:-an older jar} ($(basename "$STARTUP_BASELINE_JAR"))."
  echo "Variants: **plain** = \`java -jar power-pto.jar\` (the executable jar); **cds** = the image's layout:"
  echo "\`backend/src/main/docker/appcds.sh\` extracts the jar and records the class archive in one training"
  echo "start without a database (${appcds_seconds} s here), then \`java -XX:SharedArchiveFile=app.jsa -jar power-pto.jar\`."
  echo
  echo "Terraform (infra/terraform/modules/ecs/main.tf) at the time of the run: $start_periods; $grace."
  if [[ " ${variants[*]} " == *" cds "* ]]; then
    echo "Slowest cds start: api live $(max_of "${results[cds,api]}" 1) s, api ready $(max_of "${results[cds,api]}" 2) s, worker live $(max_of "${results[cds,worker]}" 1) s."
  fi
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"
