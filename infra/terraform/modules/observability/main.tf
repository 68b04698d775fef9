# Logs, the alarm topic, one CloudWatch alarm per row of the plan's metrics table, and
# a dashboard of the application's own Micrometer metrics (namespace PowerPTO).
# docs/metrics.md lists every name used here; infra/check asserts that they match.

locals {
  prefix   = "power-pto-${var.environment}"
  services = toset(["api", "worker", "frontend"])
  backends = toset(["api", "worker"])
  jobs     = toset(["time_accrual", "carryover", "expiration", "payroll"])
  alarm    = [aws_sns_topic.alarms.arn]
  slack    = var.slack_team_id != "" && var.slack_channel_id != ""
}

# --- Logs ----------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "service" {
  for_each          = local.services
  name              = "/power-pto/${var.environment}/${each.key}"
  retention_in_days = var.log_retention_days
}

# ECS Exec sessions (`aws ecs execute-command`, the plan's debugging path) are logged here: who ran
# what in which task (the cluster's execute_command_configuration points at it).
resource "aws_cloudwatch_log_group" "ecs_exec" {
  name              = "/power-pto/${var.environment}/ecs-exec"
  retention_in_days = var.log_retention_days
}

# --- Alert topic -----------------------------------------------------------------

resource "aws_sns_topic" "alarms" {
  name = "${local.prefix}-alarms"
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alarm_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

# Slack: AWS Chatbot posts every message of the alarm topic (ALARM and OK) to one channel. The
# workspace is authorized once per account in the Chatbot console (docs/operations.md, first deploy
# step 8); its ID and the channel's are variables. Chatbot may only read CloudWatch (role and guardrail).
data "aws_iam_policy_document" "chatbot_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["chatbot.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "chatbot" {
  count              = local.slack ? 1 : 0
  name               = "${local.prefix}-chatbot"
  assume_role_policy = data.aws_iam_policy_document.chatbot_trust.json
}

resource "aws_iam_role_policy_attachment" "chatbot_read_only" {
  count      = local.slack ? 1 : 0
  role       = aws_iam_role.chatbot[0].name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"
}

resource "aws_chatbot_slack_channel_configuration" "alarms" {
  count                 = local.slack ? 1 : 0
  configuration_name    = "${local.prefix}-alarms"
  iam_role_arn          = aws_iam_role.chatbot[0].arn
  slack_team_id         = var.slack_team_id
  slack_channel_id      = var.slack_channel_id
  sns_topic_arns        = [aws_sns_topic.alarms.arn]
  guardrail_policy_arns = ["arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"]
  logging_level         = "ERROR"
}

# --- Request latency p99 > 2 s (ALB, API target group) -----------------------------

resource "aws_cloudwatch_metric_alarm" "api_latency_p99" {
  alarm_name          = "${local.prefix}-api-latency-p99"
  alarm_description   = "API p99 latency above 2 s for 5 minutes (ALB TargetResponseTime). Runbook: docs/operations.md#api-latency-p99"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = 2
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = {
    LoadBalancer = var.alb_arn_suffix
    TargetGroup  = var.api_target_group_arn_suffix
  }
}

# --- HTTP 5xx rate > 1 % of requests (ALB) -------------------------------------------

resource "aws_cloudwatch_metric_alarm" "http_5xx_rate" {
  alarm_name          = "${local.prefix}-http-5xx-rate"
  alarm_description   = "More than 1 % of requests answered 5xx (targets + load balancer) in 3 of 5 minutes. Runbook: docs/operations.md#http-5xx-rate"
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  metric_query {
    id          = "rate"
    label       = "5xx percent of requests"
    expression  = "IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "target5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }

  metric_query {
    id = "elb5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }
}

# --- HTTP 4xx rate > 10 % of requests (ALB) ------------------------------------------

resource "aws_cloudwatch_metric_alarm" "http_4xx_rate" {
  alarm_name          = "${local.prefix}-http-4xx-rate"
  alarm_description   = "More than 10 % of requests answered 4xx in 3 of 5 minutes. Runbook: docs/operations.md#http-4xx-rate"
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  metric_query {
    id          = "rate"
    label       = "4xx percent of requests"
    expression  = "IF(requests > 0, 100 * FILL(target4xx, 0) / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "target4xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_4XX_Count"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }
}

# --- Database connections > 80 % of max (RDS) -----------------------------------------

resource "aws_cloudwatch_metric_alarm" "db_connections" {
  alarm_name          = "${local.prefix}-db-connections"
  alarm_description   = "RDS connections above 80 % of max_connections for 5 minutes. Runbook: docs/operations.md#db-connections"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = floor(var.db_max_connections * 0.8)
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = {
    DBInstanceIdentifier = var.db_instance_identifier
  }
}

# --- ECS CPU and memory > 80 % sustained (each service) -----------------------------------

resource "aws_cloudwatch_metric_alarm" "ecs_cpu_high" {
  for_each            = local.services
  alarm_name          = "${local.prefix}-${each.key}-cpu-high"
  alarm_description   = "ECS service ${each.key}: average CPU above 80 % for 10 minutes. Runbook: docs/operations.md#ecs-cpu-high"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 10
  datapoints_to_alarm = 10
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = {
    ClusterName = var.cluster_name
    ServiceName = each.key
  }
}

resource "aws_cloudwatch_metric_alarm" "ecs_memory_high" {
  for_each            = local.services
  alarm_name          = "${local.prefix}-${each.key}-memory-high"
  alarm_description   = "ECS service ${each.key}: average memory above 80 % for 10 minutes. Runbook: docs/operations.md#ecs-memory-high"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 10
  datapoints_to_alarm = 10
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = {
    ClusterName = var.cluster_name
    ServiceName = each.key
  }
}

# --- Readiness (custom metric, namespace PowerPTO) ---------------------------------------
#
# The ALB accepts 200 and 503 from /health (a task whose database is unreachable is not dead:
# decision 0065), so it no longer tells that tasks cannot serve. Each api and worker process
# publishes pto.readiness (1: the database answers, 0: it does not) every minute; the lowest value
# of a service below 1 for 3 minutes raises the alarm. A Multi-AZ failover (60-120 s) stays below it.

resource "aws_cloudwatch_metric_alarm" "not_ready" {
  for_each            = local.backends
  alarm_name          = "${local.prefix}-${each.key}-not-ready"
  alarm_description   = "A ${each.key} task has not reached the database for 3 minutes (PowerPTO pto.readiness Minimum < 1). Runbook: docs/operations.md#not-ready"
  namespace           = "PowerPTO"
  metric_name         = "pto.readiness.value"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = { service = each.key }
}

# --- Accrual jobs (custom worker metrics, namespace PowerPTO) ---------------------------
#
# Micrometer counter accrual.job.failure{job=...} is published by the CloudWatch
# registry as metric "accrual.job.failure.count" (counters get the ".count" suffix),
# with every meter tag as a dimension. The failure alarm uses a Metrics Insights query
# so that it matches whatever other dimensions (e.g. service) the meter carries:
# any failure of a job raises its alarm.

resource "aws_cloudwatch_metric_alarm" "accrual_job_failure" {
  for_each            = local.jobs
  alarm_name          = "${local.prefix}-accrual-job-failure-${each.key}"
  alarm_description   = "Accrual job ${each.key} failed (PowerPTO accrual.job.failure, job=${each.key}, Sum >= 1). Runbook: docs/operations.md#accrual-job-failure"
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  metric_query {
    id          = "failures"
    label       = "accrual.job.failure ${each.key}"
    expression  = "SELECT SUM(\"accrual.job.failure.count\") FROM \"PowerPTO\" WHERE job = '${each.key}'"
    period      = 300
    return_data = true
  }
}

# No successful daily accrual run in 26 hours: missing data counts as breaching, so a
# worker that is down, stuck, or not publishing metrics raises this alarm too.
resource "aws_cloudwatch_metric_alarm" "accrual_job_success_missing" {
  alarm_name          = "${local.prefix}-accrual-job-success-missing"
  alarm_description   = "No accrual.job.success for job=time_accrual in 26 hours. Runbook: docs/operations.md#accrual-job-success-missing"
  namespace           = "PowerPTO"
  metric_name         = "accrual.job.success.count"
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 26
  datapoints_to_alarm = 26
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  dimensions = merge(var.accrual_metric_dimensions, { job = "time_accrual" })
}

# --- Notification e-mail (custom metric, namespace PowerPTO) ---------------------------
#
# notification.delivery.failure counts e-mails given up on (a permanent SMTP/SES refusal or the
# retries exhausted). A Metrics Insights query, so it matches whatever tags the meter carries.

resource "aws_cloudwatch_metric_alarm" "notification_delivery_failure" {
  alarm_name          = "${local.prefix}-notification-delivery-failure"
  alarm_description   = "E-mail notifications permanently failed (PowerPTO notification.delivery.failure, Sum >= 1 in 15 minutes). Runbook: docs/operations.md#notification-delivery-failure"
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  metric_query {
    id          = "failures"
    label       = "notification.delivery.failure"
    expression  = "SELECT SUM(\"notification.delivery.failure.count\") FROM \"PowerPTO\""
    period      = 900
    return_data = true
  }
}

# --- Slack and Teams messages (custom metric, namespace PowerPTO; issue 29) --------------
#
# notification.chat.delivery.failure counts Slack direct messages / updates and Teams cards given up
# on after the outbox's last try (a revoked bot token, a deleted Teams workflow, Slack down for
# hours). Tagged channel (SLACK | TEAMS) and kind; the query sums them all.

resource "aws_cloudwatch_metric_alarm" "chat_delivery_failure" {
  alarm_name          = "${local.prefix}-chat-delivery-failure"
  alarm_description   = "Slack or Teams messages permanently failed (PowerPTO notification.chat.delivery.failure, Sum >= 1 in 15 minutes). Runbook: docs/operations.md#chat-delivery-failure"
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm
  ok_actions          = local.alarm

  metric_query {
    id          = "failures"
    label       = "notification.chat.delivery.failure"
    expression  = "SELECT SUM(\"notification.chat.delivery.failure.count\") FROM \"PowerPTO\""
    period      = 900
    return_data = true
  }
}

# --- Dashboard: the application's own metrics -----------------------------------------

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.prefix

  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 12, height = 6
        properties = {
          title   = "API latency percentiles (Micrometer http.server.requests)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"http.server.requests.percentile.value\"', 'Average', 60)", id = "latency" }]]
        }
      },
      {
        type = "metric", x = 12, y = 0, width = 12, height = 6
        properties = {
          title   = "Requests (Micrometer http.server.requests)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"http.server.requests.count\"', 'Sum', 60)", id = "requests" }]]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 12, height = 6
        properties = {
          title   = "Active pooled connections (hikaricp.connections.active)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"hikaricp.connections.active.value\"', 'Maximum', 60)", id = "pool" }]]
        }
      },
      {
        type = "metric", x = 12, y = 6, width = 12, height = 6
        properties = {
          title   = "Accrual jobs (accrual.job.success / accrual.job.failure)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"accrual.job.success.count\" OR MetricName=\"accrual.job.failure.count\"', 'Sum', 3600)", id = "jobs" }]]
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 12, height = 6
        properties = {
          title   = "Notification e-mails (notification.delivery.success / notification.delivery.failure)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"notification.delivery.success.count\" OR MetricName=\"notification.delivery.failure.count\"', 'Sum', 300)", id = "mail" }]]
        }
      },
      {
        type = "metric", x = 12, y = 12, width = 12, height = 6
        properties = {
          title   = "Slack and Teams messages (notification.chat.delivery.success / notification.chat.delivery.failure)"
          region  = var.region
          view    = "timeSeries"
          metrics = [[{ expression = "SEARCH('{PowerPTO} MetricName=\"notification.chat.delivery.success.count\" OR MetricName=\"notification.chat.delivery.failure.count\"', 'Sum', 300)", id = "chat" }]]
        }
      },
    ]
  })
}
