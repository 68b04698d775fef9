#!/usr/bin/env bash
# Post-deploy smoke test through the public address: GET <site>/api/health must answer 200 (readiness:
# the database answers) with this commit as its version. The load balancer also keeps a task that
# answers 503 (decision 0065), so "every service stable" alone does not prove that the release serves.
# Retries for SMOKE_TIMEOUT_SECONDS (default 180: DNS and the ALB's healthy threshold) every 5 s.
# Usage: smoke-test.sh <site url> <expected version (commit sha)>
set -euo pipefail
site=${1%/}
expected=$2
timeout=${SMOKE_TIMEOUT_SECONDS:-180}
if [ -z "$site" ]; then
  echo "::error::no site URL: set the GitHub environment variable SITE_URL (docs/operations.md, first deploy step 7)"
  exit 1
fi
deadline=$(( $(date +%s) + timeout ))
while :; do
  status=0
  body=$(curl -sS --max-time 10 -w '\n%{http_code}' "$site/api/health") || status=$?
  code=${body##*$'\n'}
  body=${body%$'\n'*}
  if [ "$status" = 0 ] && [ "$code" = 200 ]; then
    version=$(jq -r '.version // empty' <<<"$body")
    health=$(jq -r '.status // empty' <<<"$body")
    if [ "$health" = ok ] && [ "$version" = "$expected" ]; then
      echo "$site/api/health: 200, status ok, version $version"
      exit 0
    fi
    echo "$site/api/health: 200 but status '$health', version '$version' (want ok, $expected)"
  else
    echo "$site/api/health: ${code:-no answer} (curl exit $status)"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "::error::smoke test failed: $site/api/health did not answer 200 with version $expected within ${timeout}s"
    exit 1
  fi
  sleep 5
done
