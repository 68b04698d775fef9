#!/usr/bin/env bash
# Runs the browser end-to-end suite against a `make run`-style server (mode all, demo data)
# on a throwaway embedded database. Installs Debian's Chromium when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${E2E_PORT:-8095}"

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$browser" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium'" >&2
    exit 1
  fi
fi

log="$root/frontend/e2e/artifacts/server.log"
mkdir -p "$(dirname "$log")"
ENVIRONMENT=development PORT="$port" PTO_MANAGEMENT_PORT=$((port + 1)) PTO_DEMO_OIDC_PORT=$((port + 2)) PTO_DATA_DIR='' \
  java -jar "$root/backend/target/power-pto.jar" all --pto.ui.directory="$root/frontend/dist" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $server 2>/dev/null; then echo "server died:" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null

cd "$root/frontend"
BASE_URL="http://127.0.0.1:$port" npm run e2e
