#!/usr/bin/env bash
# Waits until each ECS service runs exactly the expected task definition, with every task
# healthy, and fails as soon as a deployment fails or is rolled back by the circuit breaker.
# `aws ecs wait services-stable` gives up after 10 minutes (40 polls x 15 s) and calls a
# circuit-breaker rollback "stable"; this loop does neither.
#
# Usage: ecs-wait-deployed.sh <cluster> <timeout-seconds> <service>=<task-definition-arn>...
set -euo pipefail

cluster=$1
timeout=$2
shift 2
deadline=$(( $(date +%s) + timeout ))

declare -A want
for pair in "$@"; do
  want[${pair%%=*}]=${pair#*=}
done

while :; do
  pending=0
  for service in "${!want[@]}"; do
    # shellcheck disable=SC2016 # backticks are JMESPath literals, not shell
    read -r running desired current rollout count <<<"$(aws ecs describe-services --cluster "$cluster" --services "$service" \
      --query 'services[0].[runningCount, desiredCount, taskDefinition, deployments[?status==`PRIMARY`].rolloutState | [0], length(deployments)]' \
      --output text)"
    echo "$service: $running/$desired running, primary $rollout, $count deployment(s), $current"
    if [ "$current" != "${want[$service]}" ]; then
      echo "::error::$service runs $current, not ${want[$service]} (rolled back or replaced)"
      exit 1
    fi
    if [ "$rollout" = "FAILED" ]; then
      echo "::error::$service: the deployment failed (circuit breaker); see the service events"
      aws ecs describe-services --cluster "$cluster" --services "$service" --query 'services[0].events[:10].[createdAt, message]' --output text || true
      exit 1
    fi
    if [ "$rollout" != "COMPLETED" ] || [ "$count" != "1" ] || [ "$running" != "$desired" ]; then
      pending=1
    fi
  done
  if [ "$pending" = 0 ]; then
    echo "Every service runs its expected task definition."
    exit 0
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "::error::services not stable after ${timeout}s (still rolling, not failed: re-run this job to keep waiting)"
    exit 1
  fi
  sleep 15
done
