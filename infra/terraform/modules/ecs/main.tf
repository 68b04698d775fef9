# ECS cluster, the four task definitions (api, worker, frontend, migrate) and the three
# services. One backend image serves api, worker and migrate; the command picks the mode.
#
# Images: Terraform registers the first revisions with var.image_tag; after that the
# deploy workflow registers new revisions (same definition, new SHA-tagged image) and
# points the services at them, so the services ignore task_definition drift here.

locals {
  secrets = [
    { name = "DATABASE_URL", valueFrom = var.secret_arns["DATABASE_URL"] },
    { name = "JWT_SECRET", valueFrom = var.secret_arns["JWT_SECRET"] },
    { name = "PAYROLL_WEBHOOK_SECRET", valueFrom = var.secret_arns["PAYROLL_WEBHOOK_SECRET"] },
    { name = "PTO_SECRETS_KEY", valueFrom = var.secret_arns["PTO_SECRETS_KEY"] },
    { name = "SMTP_USERNAME", valueFrom = var.secret_arns["SMTP_USERNAME"] },
    { name = "SMTP_PASSWORD", valueFrom = var.secret_arns["SMTP_PASSWORD"] },
  ]

  # The migrate task connects as the schema owner (see the secrets module).
  migrate_secrets = [
    { name = "DATABASE_URL", valueFrom = var.secret_arns["DATABASE_OWNER_URL"] },
    { name = "JWT_SECRET", valueFrom = var.secret_arns["JWT_SECRET"] },
    { name = "PAYROLL_WEBHOOK_SECRET", valueFrom = var.secret_arns["PAYROLL_WEBHOOK_SECRET"] },
  ]

  backend_image  = "${var.repository_urls["api"]}:${var.image_tag}"
  worker_image   = "${var.repository_urls["worker"]}:${var.image_tag}"
  frontend_image = "${var.repository_urls["frontend"]}:${var.image_tag}"

  # Liveness (no database check) on port 8000. ECS runs CMD-SHELL with /bin/sh, dash in the
  # Temurin image: plain POSIX sh plus curl, which backend/Dockerfile installs. The same string is
  # the image's HEALTHCHECK; infra/check runs it with dash against a real api and worker process.
  backend_health_command = "curl -fsS -o /dev/null --max-time 4 http://127.0.0.1:8000/health/live || exit 1"

  api_container = {
    name        = "api"
    image       = local.backend_image
    essential   = true
    command     = ["api"]
    stopTimeout = 30
    portMappings = [
      { name = "http", containerPort = 8000, protocol = "tcp" },
    ]
    environment = [
      { name = "ENVIRONMENT", value = var.environment },
      { name = "APP_VERSION", value = var.image_tag },
      { name = "CORS_ORIGINS", value = var.cors_origins },
      { name = "PTO_MODE", value = "api" },
      { name = "JAVA_TOOL_OPTIONS", value = var.api_java_tool_options },
      { name = "LOGGING_LEVEL_ROOT", value = var.log_level },
      { name = "SPRINGDOC_SWAGGER_UI_ENABLED", value = tostring(var.swagger_ui_enabled) },
      { name = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", value = "true" },
      { name = "AWS_REGION", value = var.region },
      # Notification e-mail through SES (plain values; the credentials are secrets).
      { name = "APP_BASE_URL", value = var.app_base_url },
      { name = "SMTP_HOST", value = var.smtp_host },
      { name = "SMTP_PORT", value = tostring(var.smtp_port) },
      { name = "MAIL_FROM", value = var.mail_from },
    ]
    secrets = local.secrets
    # startPeriod: at least twice the slowest measured start (bench/startup/RESULTS.md, decision 0066).
    healthCheck = {
      command     = ["CMD-SHELL", local.backend_health_command]
      interval    = 10
      timeout     = 5
      retries     = 3
      startPeriod = 120
    }
    linuxParameters = { initProcessEnabled = true }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names["api"]
        awslogs-region        = var.region
        awslogs-stream-prefix = "api"
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }

  worker_container = {
    name        = "worker"
    image       = local.worker_image
    essential   = true
    command     = ["worker"]
    stopTimeout = 60
    environment = [
      { name = "ENVIRONMENT", value = var.environment },
      { name = "APP_VERSION", value = var.image_tag },
      { name = "CORS_ORIGINS", value = var.cors_origins },
      { name = "PTO_MODE", value = "worker" },
      { name = "JAVA_TOOL_OPTIONS", value = var.worker_java_tool_options },
      { name = "LOGGING_LEVEL_ROOT", value = var.log_level },
      { name = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", value = "true" },
      { name = "AWS_REGION", value = var.region },
      # Notification e-mail through SES (plain values; the credentials are secrets).
      { name = "APP_BASE_URL", value = var.app_base_url },
      { name = "SMTP_HOST", value = var.smtp_host },
      { name = "SMTP_PORT", value = tostring(var.smtp_port) },
      { name = "MAIL_FROM", value = var.mail_from },
    ]
    secrets = local.secrets
    # The worker process answers liveness on 8000 too (no port mapping: only the container check uses it).
    healthCheck = {
      command     = ["CMD-SHELL", local.backend_health_command]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 120
    }
    linuxParameters = { initProcessEnabled = true }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names["worker"]
        awslogs-region        = var.region
        awslogs-stream-prefix = "worker"
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }

  # The migrate container is named "api" (the deploy pipeline overrides container "api").
  migrate_container = {
    name      = "api"
    image     = local.backend_image
    essential = true
    command   = ["migrate"]
    environment = [
      { name = "ENVIRONMENT", value = var.environment },
      { name = "APP_VERSION", value = var.image_tag },
      { name = "CORS_ORIGINS", value = var.cors_origins },
      { name = "PTO_MODE", value = "migrate" },
      { name = "JAVA_TOOL_OPTIONS", value = var.api_java_tool_options },
      { name = "LOGGING_LEVEL_ROOT", value = var.log_level },
    ]
    secrets = local.migrate_secrets
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names["api"]
        awslogs-region        = var.region
        awslogs-stream-prefix = "migrate"
      }
    }
  }

  frontend_container = {
    name        = "frontend"
    image       = local.frontend_image
    essential   = true
    stopTimeout = 10
    portMappings = [
      { name = "http", containerPort = 80, protocol = "tcp" },
    ]
    environment = [
      { name = "ENVIRONMENT", value = var.environment },
      { name = "APP_VERSION", value = var.image_tag },
    ]
    # nginx runs as a non-root user and listens on 80: allow unprivileged binds
    # below 1024 inside the task's own network namespace (Fargate platform >= 1.4.0).
    systemControls = [
      { namespace = "net.ipv4.ip_unprivileged_port_start", value = "0" },
    ]
    healthCheck = {
      command     = ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1/nginx-health || exit 1"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 10
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_names["frontend"]
        awslogs-region        = var.region
        awslogs-stream-prefix = "frontend"
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }
}

resource "aws_ecs_cluster" "main" {
  name = "power-pto"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  # ECS Exec (the plan's debugging path, no SSH): every session's commands and output are logged.
  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name     = var.exec_log_group_name
        cloud_watch_encryption_enabled = false
      }
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

# --- Task definitions --------------------------------------------------------------

resource "aws_ecs_task_definition" "api" {
  family                   = "power-pto-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.api_task_role_arn
  container_definitions    = jsonencode([local.api_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "power-pto-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.worker_task_role_arn
  container_definitions    = jsonencode([local.worker_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "migrate" {
  family                   = "power-pto-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  # Its own execution role: the only one that can read the schema owner's URL.
  execution_role_arn = var.migrate_execution_role_arn
  # No task role: migrations only need the database.
  container_definitions = jsonencode([local.migrate_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "frontend" {
  family                   = "power-pto-frontend"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.frontend_task_role_arn
  container_definitions    = jsonencode([local.frontend_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

# --- Services ----------------------------------------------------------------------

# API service — path-based routing from ALB (/api/*)
resource "aws_ecs_service" "api" {
  name                              = "api"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.api.arn
  desired_count                     = var.api_desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 120 # >= 2x the slowest measured ready time (bench/startup)
  enable_execute_command            = true
  propagate_tags                    = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.api_security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "api"
    container_port   = 8000
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# Worker service — no load balancer, single instance
resource "aws_ecs_service" "worker" {
  name                   = "worker"
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.worker.arn
  desired_count          = var.worker_desired_count
  launch_type            = "FARGATE"
  platform_version       = "1.4.0"
  enable_execute_command = true
  propagate_tags         = "SERVICE"

  # The worker is safe with two replicas for a moment (a database lock elects the one
  # that works), so the rolling deploy starts the new task before stopping the old one.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.worker_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

# Frontend service — path-based routing from ALB (default)
resource "aws_ecs_service" "frontend" {
  name                              = "frontend"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.frontend.arn
  desired_count                     = var.frontend_desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 30
  enable_execute_command            = true
  propagate_tags                    = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.frontend_security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.frontend_target_group_arn
    container_name   = "frontend"
    container_port   = 80
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

# --- API auto-scaling on CPU ---------------------------------------------------------

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.api_min_count
  max_capacity       = var.api_max_count
}

resource "aws_appautoscaling_policy" "api_cpu" {
  name               = "api-cpu-target-tracking"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.api_cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# --- Restart after the database password rotation -------------------------------------
# Tasks read DATABASE_URL when they start. The managed rotation (secrets module) changes the password
# of the user not in use and leaves the running one valid until the next rotation, so a rolling
# restart of api and worker after each rotation keeps every task on a valid login, whether or not a
# release was deployed in between. EventBridge Scheduler calls ECS UpdateService itself.

data "aws_iam_policy_document" "scheduler_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "restart" {
  name               = "power-pto-${var.environment}-restart-after-rotation"
  assume_role_policy = data.aws_iam_policy_document.scheduler_trust.json
}

data "aws_iam_policy_document" "restart" {
  statement {
    sid       = "ForceNewDeploymentOfApiAndWorker"
    actions   = ["ecs:UpdateService"]
    resources = [aws_ecs_service.api.id, aws_ecs_service.worker.id]
  }
}

resource "aws_iam_role_policy" "restart" {
  name   = "restart-api-and-worker"
  role   = aws_iam_role.restart.id
  policy = data.aws_iam_policy_document.restart.json
}

resource "aws_scheduler_schedule" "restart_after_rotation" {
  for_each                     = toset(["api", "worker"])
  name                         = "power-pto-${var.environment}-${each.key}-after-db-rotation"
  description                  = "Rolling restart of ${each.key} after the monthly database password rotation"
  schedule_expression          = var.restart_schedule
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:ecs:updateService"
    role_arn = aws_iam_role.restart.arn
    input = jsonencode({
      Cluster            = aws_ecs_cluster.main.name
      Service            = each.key
      ForceNewDeployment = true
    })
  }
}
