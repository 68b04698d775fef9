# Least-privilege roles:
#   execution role  ECS agent of api/worker/frontend: pull from ECR, write logs, read the
#                   application secrets the api and worker inject (never the owner URL)
#   migrate exec.   ECS agent of the migrate task: the same, but the schema owner's URL
#                   instead of the application's (only migrations run as the owner)
#   api / worker    the application: PutMetricData into the PowerPTO namespace only,
#                   plus the ssmmessages channel for ECS exec (no SSH on Fargate) and its session log
#   frontend        ECS exec (channel and session log) only
#   deploy          GitHub Actions via OIDC, trusted for this environment's GitHub
#                   environment only (repo:<owner/name>:environment:<env>)
#   ses-smtp user   sends mail through SES SMTP, from MAIL_FROM only

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  cluster    = "arn:aws:ecs:${local.region}:${local.account_id}:cluster/${var.cluster_name}"
}

# --- ECS task execution role ---------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-ecs-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "execution_managed" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

locals {
  # The owner URL is for migrations only; the api and worker never get it.
  owner_secret        = "DATABASE_OWNER_URL"
  app_secret_arns     = [for k, arn in var.secret_arns : arn if k != local.owner_secret]
  migrate_secrets     = ["DATABASE_OWNER_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET"]
  migrate_secret_arns = [for k in local.migrate_secrets : var.secret_arns[k]]
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    sid       = "ReadTheApplicationSecretsOnly"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.app_secret_arns
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-application-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

# --- Migrate task execution role ------------------------------------------------

resource "aws_iam_role" "migrate_execution" {
  name               = "${var.name}-ecs-migrate-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "migrate_execution_managed" {
  role       = aws_iam_role.migrate_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "migrate_execution_secrets" {
  statement {
    sid       = "ReadTheMigrateSecretsOnly"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.migrate_secret_arns
  }
}

resource "aws_iam_role_policy" "migrate_execution_secrets" {
  name   = "read-migrate-secrets"
  role   = aws_iam_role.migrate_execution.id
  policy = data.aws_iam_policy_document.migrate_execution_secrets.json
}

# --- Task roles ------------------------------------------------------------------

data "aws_iam_policy_document" "put_metric_data" {
  statement {
    sid       = "PublishPowerPtoMetricsOnly"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["PowerPTO"]
    }
  }
}

data "aws_iam_policy_document" "ecs_exec" {
  statement {
    sid = "EcsExecChannel"
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }

  # The session logging of the cluster's execute_command_configuration is done by the task itself.
  statement {
    sid       = "EcsExecFindTheLogGroup"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["*"]
  }

  statement {
    sid       = "EcsExecSessionLogs"
    actions   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = ["${var.exec_log_group_arn}:*"]
  }
}

resource "aws_iam_role" "api_task" {
  name               = "${var.name}-api-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy" "api_metrics" {
  name   = "put-metric-data-powerpto"
  role   = aws_iam_role.api_task.id
  policy = data.aws_iam_policy_document.put_metric_data.json
}

resource "aws_iam_role_policy" "api_exec" {
  name   = "ecs-exec"
  role   = aws_iam_role.api_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

resource "aws_iam_role" "worker_task" {
  name               = "${var.name}-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy" "worker_metrics" {
  name   = "put-metric-data-powerpto"
  role   = aws_iam_role.worker_task.id
  policy = data.aws_iam_policy_document.put_metric_data.json
}

resource "aws_iam_role_policy" "worker_exec" {
  name   = "ecs-exec"
  role   = aws_iam_role.worker_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

resource "aws_iam_role" "frontend_task" {
  name               = "${var.name}-frontend-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy" "frontend_exec" {
  name   = "ecs-exec"
  role   = aws_iam_role.frontend_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

# --- GitHub Actions (OIDC, no long-lived keys) ------------------------------------

resource "aws_iam_openid_connect_provider" "github" {
  count           = var.create_github_oidc_provider ? 1 : 0
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
}

data "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 0 : 1
  url   = "https://token.actions.githubusercontent.com"
}

locals {
  github_oidc_provider_arn = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github[0].arn
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # Only jobs of this repository that run in this environment's GitHub environment
    # (staging, or production behind its required reviewers).
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:environment:${var.environment}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "github-actions-deploy-${var.environment}"
  assume_role_policy   = data.aws_iam_policy_document.github_trust.json
  max_session_duration = 7200 # the deploy job may run 90 minutes (role-duration-seconds: 7200)
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPushToTheThreeRepositories"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = values(var.ecr_repository_arns)
  }

  statement {
    sid = "TaskDefinitions"
    # These actions do not support resource-level permissions.
    actions = [
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition",
    ]
    resources = ["*"]
  }

  statement {
    sid     = "RunTheMigrateTask"
    actions = ["ecs:RunTask"]
    resources = [
      "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/power-pto-migrate:*",
    ]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [local.cluster]
    }
  }

  statement {
    sid     = "UpdateAndDescribeServices"
    actions = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = [
      "arn:aws:ecs:${local.region}:${local.account_id}:service/${var.cluster_name}/*",
    ]
  }

  statement {
    sid     = "DescribeTasks"
    actions = ["ecs:DescribeTasks"]
    resources = [
      "arn:aws:ecs:${local.region}:${local.account_id}:task/${var.cluster_name}/*",
    ]
  }

  statement {
    sid       = "DescribeClusters"
    actions   = ["ecs:DescribeClusters"]
    resources = [local.cluster]
  }

  statement {
    sid     = "PassTheTaskRolesOnly"
    actions = ["iam:PassRole"]
    resources = [
      aws_iam_role.execution.arn,
      aws_iam_role.migrate_execution.arn,
      aws_iam_role.api_task.arn,
      aws_iam_role.worker_task.arn,
      aws_iam_role.frontend_task.arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy-power-pto"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

# --- SES SMTP sender ------------------------------------------------------------------
# SMTP credentials are an IAM user's access key. Terraform creates the user and its policy but
# not the key (its secret would land in the state): docs/operations.md "E-mail (SES)".

resource "aws_iam_user" "ses_smtp" {
  name = "${var.name}-ses-smtp"
}

data "aws_iam_policy_document" "ses_send" {
  statement {
    sid       = "SendFromMailFromOnly"
    actions   = ["ses:SendRawEmail"]
    resources = [var.email_identity_arn]

    condition {
      test     = "StringEquals"
      variable = "ses:FromAddress"
      values   = [var.mail_from]
    }
  }
}

resource "aws_iam_user_policy" "ses_send" {
  name   = "ses-send-raw-email"
  user   = aws_iam_user.ses_smtp.name
  policy = data.aws_iam_policy_document.ses_send.json
}
