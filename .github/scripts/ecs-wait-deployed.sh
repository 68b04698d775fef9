#!/usr/bin/env bash
# Waits until each ECS service runs exactly the expected task definition, with every task
# healthy, and fails as soon as a deployment fails or is rolled back by the circuit breaker.
# `aws ecs wait services-stable` gives up after 10 minutes (40 polls x 15 s) and calls a
# circuit-breaker rollback "stable"; this loop does neither.
#
# A failed `aws` call is not a rollback (issue 30): throttling and transient errors are retried with a
# backoff; an expired session (the job outlived its credentials) or any other error stops the wait
# with that error, never with "rolled back".
#
# Usage: ecs-wait-deployed.sh <cluster> <timeout-seconds> <service>=<task-definition-arn>...
# ECS_WAIT_POLL_SECONDS (15) between rounds, ECS_WAIT_RETRY_SECONDS (5) backoff unit of a retried call.
set -euo pipefail

cluster=$1
timeout=$2
shift 2
started=$(date +%s)
deadline=$(( started + timeout ))
poll=${ECS_WAIT_POLL_SECONDS:-15}
retry=${ECS_WAIT_RETRY_SECONDS:-5}

# aws_call <aws arguments>: the call's output; retries what AWS asks to retry (up to 8 tries),
# fails with AWS's own message otherwise. Callers run it in $(...) and exit on its status.
aws_call() {
  local attempt=1 status output errors
  errors=$(mktemp)
  while :; do
    status=0
    output=$(aws "$@" 2>"$errors") || status=$?
    if [ "$status" = 0 ]; then
      rm -f "$errors"
      printf '%s\n' "$output"
      return 0
    fi
    case "$(cat "$errors")" in
      *ExpiredToken* | *"security token included in the request is expired"* | *RequestExpired*)
        echo "::error::the AWS session expired $(( $(date +%s) - started ))s into the wait: re-run this job (a new session); the deployment itself has not failed" >&2
        rm -f "$errors"
        return 3 ;;
      *Throttling* | *"Rate exceeded"* | *RequestLimitExceeded* | *TooManyRequests* | *ServiceUnavailable* | *InternalFailure* | \
        *"Could not connect to the endpoint"* | *"Connection was closed"* | *"Read timeout"*)
        if [ "$attempt" -ge 8 ]; then
          echo "::error::aws $1 $2 still failing after $attempt tries: $(cat "$errors")" >&2
          rm -f "$errors"
          return 4
        fi
        echo "aws $1 $2: $(tr '\n' ' ' <"$errors") -- retrying (try $attempt)" >&2
        sleep $(( retry * attempt ))
        attempt=$(( attempt + 1 )) ;;
      *)
        echo "::error::aws $1 $2 failed: $(cat "$errors")" >&2
        rm -f "$errors"
        return 5 ;;
    esac
  done
}

declare -A want
for pair in "$@"; do
  want[${pair%%=*}]=${pair#*=}
done

while :; do
  pending=0
  for service in "${!want[@]}"; do
    # shellcheck disable=SC2016 # backticks are JMESPath literals, not shell
    line=$(aws_call ecs describe-services --cluster "$cluster" --services "$service" \
      --query 'services[0].[runningCount, desiredCount, taskDefinition, deployments[?status==`PRIMARY`].rolloutState | [0], length(deployments)]' \
      --output text) || exit 1
    read -r running desired current rollout count <<<"$line"
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
  sleep "$poll"
done
