#!/usr/bin/env bash
# Refuses task definition revisions that cannot run: Terraform registers each family's first revision
# with the image tag "bootstrap", which never exists in ECR (docs/operations.md, first deploy step 3).
# Pointing a service at such a revision (a manual rollback to "the previous revision" that happens to be
# the first one) leaves it unable to start tasks. Run before every update-service to an older revision.
# Usage: check-revision-deployable.sh <task definition arn or family:revision>...
set -euo pipefail
refused=0
for task_definition in "$@"; do
  images=$(aws ecs describe-task-definition --task-definition "$task_definition" \
    --query 'taskDefinition.containerDefinitions[].image' --output text)
  versions=$(aws ecs describe-task-definition --task-definition "$task_definition" \
    --query "taskDefinition.containerDefinitions[].environment[?name=='APP_VERSION'].value[]" --output text)
  if [[ " $images " =~ :bootstrap[[:space:]] ]] || [[ " $versions " =~ [[:space:]]bootstrap[[:space:]] ]]; then
    echo "::error::$task_definition is Terraform's bootstrap revision (image tag 'bootstrap', which does not exist): refusing"
    refused=1
  else
    echo "$task_definition: $images"
  fi
done
exit "$refused"
