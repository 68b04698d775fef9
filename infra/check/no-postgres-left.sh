#!/usr/bin/env bash
# Fails when a PostgreSQL server, or a throwaway data directory, that this `make test` run started is
# still there. The Makefile marks the run with PTO_RUN_ID; every process of the run inherits it, and so
# does each postmaster (pg_ctl passes its environment on), so /proc/<pid>/environ tells whether this
# run started a server — whichever code started it, and without counting other runs on the machine.
# Servers found are stopped (fast shutdown) and the run's throwaway directories removed, then it fails.
# Usage: PTO_RUN_ID=<id> bash infra/check/no-postgres-left.sh [label]
set -euo pipefail
run_id=${PTO_RUN_ID:?PTO_RUN_ID is not set (the Makefile sets it for the test targets)}
label=${1:-make test}
grace=${PTO_LEFTOVER_GRACE_SECONDS:-15}

# Postmasters (a postgres process whose parent is not one) started with this run's marker.
postmasters() {
  local dir pid ppid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$(cat "$dir/comm" 2>/dev/null)" = postgres ] || continue
    ppid=$(cut -d' ' -f4 "$dir/stat" 2>/dev/null) || continue
    [ "$(cat "/proc/$ppid/comm" 2>/dev/null)" = postgres ] && continue
    # 2>/dev/null first: a process gone since the listing makes the input redirection itself fail
    if tr '\0' '\n' 2>/dev/null <"$dir/environ" | grep -qxF "PTO_RUN_ID=$run_id"; then echo "$pid"; fi
  done
}

# The JVM's java.io.tmpdir (/tmp on Linux; it does not read TMPDIR).
temp_dirs() {
  find /tmp -maxdepth 1 -type d -name "power-pto-pg-$run_id-*" 2>/dev/null || true
}

# A watchdog stops a server a moment after its process ends: allow it that moment.
deadline=$(( $(date +%s) + grace ))
while :; do
  mapfile -t servers < <(postmasters)
  mapfile -t dirs < <(temp_dirs)
  if [ ${#servers[@]} -eq 0 ] && [ ${#dirs[@]} -eq 0 ]; then
    echo "$label: no PostgreSQL server or temp data directory left behind"
    exit 0
  fi
  [ "$(date +%s)" -ge "$deadline" ] && break
  sleep 1
done

echo "$label left ${#servers[@]} PostgreSQL server(s) and ${#dirs[@]} temp data director(y/ies) behind:" >&2
for pid in "${servers[@]}"; do
  echo "  server pid $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" >&2
  kill -INT "$pid" 2>/dev/null || true
done
for dir in "${dirs[@]}"; do echo "  directory $dir" >&2; done
sleep 2
for dir in "${dirs[@]}"; do rm -rf "$dir"; done
echo "(stopped and removed now; the test that started them must stop them itself)" >&2
exit 1
