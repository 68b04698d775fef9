#!/usr/bin/env bash
# Refuses a deploy that would move an environment backwards (issue 30, decision 0067). For each
# service, the commit it runs is the APP_VERSION of its live task definition; the commit to deploy
# must be that commit or a descendant of it. A service still on Terraform's first revision
# (APP_VERSION "bootstrap": the first deploy) passes. Without this, an older commit could deploy after
# a newer one (two runs after `build`, a re-run of an old commit's CI, approving an older pending
# production job): a silent rollback. Rollbacks go through rollback.yml, which does not call this.
#
# Needs the repository's history (actions/checkout with fetch-depth: 0).
# Usage: check-deploy-order.sh <cluster> <commit sha to deploy>
set -euo pipefail
cluster=$1
sha=$2

refused=0
for service in api worker frontend; do
  task_definition=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].taskDefinition' --output text)
  if [ -z "$task_definition" ] || [ "$task_definition" = None ]; then
    echo "::error::service $service not found in cluster $cluster (apply the Terraform first)"
    exit 1
  fi
  live=$(aws ecs describe-task-definition --task-definition "$task_definition" \
    --query "taskDefinition.containerDefinitions[?name=='$service'] | [0].environment[?name=='APP_VERSION'] | [0].value" \
    --output text)
  if [ "$live" = bootstrap ]; then
    echo "$service: first deploy (runs Terraform's bootstrap revision)"
  elif [ "$live" = "$sha" ]; then
    echo "$service: already runs $sha (a re-run)"
  elif ! [[ "$live" =~ ^[0-9a-f]{40}$ ]]; then
    echo "::error::$service runs APP_VERSION '$live', which is not a commit: refusing to guess the order"
    refused=1
  elif ! git cat-file -e "$live^{commit}" 2>/dev/null; then
    echo "::error::$service runs $live, a commit this repository does not have: refusing (deploy from the main history)"
    refused=1
  elif git merge-base --is-ancestor "$live" "$sha"; then
    echo "$service: $live -> $sha (a descendant)"
  else
    echo "::error::$service runs $live, which is not an ancestor of $sha: deploying $sha would move $service backwards. To go back on purpose, run the Rollback workflow."
    refused=1
  fi
done
exit "$refused"
