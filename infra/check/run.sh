#!/usr/bin/env bash
# Offline infrastructure checks (no Terraform binary, no Docker engine, no AWS needed):
#   Terraform parsed with @cdktf/hcl2json and asserted against the deployment plan,
#   GitHub workflows validated with @action-validator/cli, their gates read from the parsed
#   YAML and every run: step's shell checked with shellcheck,
#   Dockerfiles linted with dockerfile-utils, frontend/nginx.conf checked with nginx -t
#   and served by a real nginx on a loopback port, docs/metrics.md matched to Terraform,
#   docs values that mirror code compared with the code, and the ECS container health
#   checks executed under dash against a real backend (api and worker mode). Drills that run the
#   real thing: the first deploy from docs/operations.md on PostgreSQL 17 with an RDS-like master,
#   a database outage under a real API, and the deploy/rollback jobs against the AWS API model
#   (botocore) with every call checked against the deploy role's IAM policy (decision 0068).
# Usage: bash infra/check/run.sh
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the checks run: nginx (nginx -t, loopback server), dash (ECS's /bin/sh),
# the shell linter for the workflows and scripts, iproute2 (network namespaces for the health checks).
# (A comment line may not start with the linter's name: it would read it as a directive.)
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
# apt_install <package> <command that succeeds when it is there already...>
apt_install() {
  local package=$1
  shift
  if "$@" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "infra/check: installing Debian's $package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "$package" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$package" >/dev/null; }
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "infra/check: installing $package with sudo"
    sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null 2>&1 \
      || { sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null; }
  else
    echo "infra/check: $package is not installed and cannot be installed here; its checks will be skipped" >&2
  fi
}
apt_install nginx have nginx
apt_install dash have dash
apt_install shellcheck have shellcheck
apt_install iproute2 have ip
apt_install wget have wget
# The first-deploy drill: psql runs the docs' role SQL (Debian's client; it speaks to the 17 server),
# jq renders the docs' secret JSON (and the workflows' steps use it).
apt_install postgresql-client have psql
apt_install jq have jq
# The deploy pipeline check: the AWS API models and botocore's validator (the AWS CLI's own library).
apt_install python3-botocore /usr/bin/python3 -c "import botocore, jmespath"

# The health-check test runs the real backend jar (make test builds it in test-backend first).
if [ ! -f ../../backend/target/power-pto.jar ]; then
  echo "infra/check: building backend/target/power-pto.jar for the container health checks"
  mvn -B -q -f ../../backend/pom.xml -DskipTests package
fi

npm ci --no-audit --no-fund --loglevel=error
npm test
