#!/usr/bin/env bash
# Offline infrastructure checks (no Terraform binary, no Docker engine needed):
#   Terraform parsed with @cdktf/hcl2json and asserted against the deployment plan,
#   GitHub workflows validated with @action-validator/cli (+ the deploy step order),
#   Dockerfiles linted with dockerfile-utils, frontend/nginx.conf checked with nginx -t
#   and served by a real nginx on a loopback port, docs/metrics.md matched to Terraform.
# Usage: bash infra/check/run.sh
set -euo pipefail
cd "$(dirname "$0")"

have_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]
}

if ! have_nginx; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "infra/check: installing Debian's nginx (binary only used for nginx -t and a loopback test)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends nginx >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nginx >/dev/null; }
  else
    echo "infra/check: nginx is not installed and this is not root; the nginx checks will be skipped" >&2
  fi
fi

npm ci --no-audit --no-fund --loglevel=error
npm test
