variable "environment" {
  description = "ENVIRONMENT value: staging or production"
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "region" {
  type = string
}

variable "image_tag" {
  description = "Image tag (commit SHA) for the first task definition revisions; the deploy workflow owns later ones"
  type        = string
}

variable "repository_urls" {
  description = "api/worker/frontend => ECR repository URL"
  type        = map(string)
}

variable "cors_origins" {
  description = "CORS_ORIGINS, comma-separated"
  type        = string
}

variable "swagger_ui_enabled" {
  description = "Swagger UI: enabled in staging, disabled in production"
  type        = bool
}

variable "secret_arns" {
  description = "Environment variable name => Secrets Manager ARN (secrets module)"
  type        = map(string)
}

variable "log_group_names" {
  description = "api/worker/frontend => CloudWatch log group name"
  type        = map(string)
}

variable "execution_role_arn" {
  type = string
}

variable "migrate_execution_role_arn" {
  description = "Execution role of the migrate task (reads the owner URL; the others cannot)"
  type        = string
}

variable "log_level" {
  description = "LOGGING_LEVEL_ROOT: INFO in staging and production"
  type        = string
  default     = "INFO"
}

variable "app_base_url" {
  description = "APP_BASE_URL: https://<domain>, for links in notification e-mails"
  type        = string
}

variable "smtp_host" {
  description = "SMTP_HOST: the SES SMTP endpoint"
  type        = string
}

variable "smtp_port" {
  description = "SMTP_PORT"
  type        = number
}

variable "mail_from" {
  description = "MAIL_FROM"
  type        = string
}

variable "api_task_role_arn" {
  type = string
}

variable "worker_task_role_arn" {
  type = string
}

variable "frontend_task_role_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "api_security_group_id" {
  type = string
}

variable "worker_security_group_id" {
  type = string
}

variable "frontend_security_group_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}

variable "frontend_target_group_arn" {
  type = string
}

variable "api_desired_count" {
  description = "API tasks: 1 in staging, 2+ in production"
  type        = number
}

variable "api_min_count" {
  description = "Auto-scaling floor for the API"
  type        = number
}

variable "api_max_count" {
  description = "Auto-scaling ceiling for the API"
  type        = number
}

variable "api_cpu_target_percent" {
  description = "Target average CPU for API auto-scaling"
  type        = number
  default     = 60
}

variable "worker_desired_count" {
  description = "Worker tasks: 1 (single instance)"
  type        = number
  default     = 1
}

variable "frontend_desired_count" {
  type    = number
  default = 2
}

# 0.5 vCPU / 1 GB: heap up to 65 % of the task memory, G1 with two GC threads' worth
# of processors so the JVM does not fall back to the serial collector.
variable "api_java_tool_options" {
  type    = string
  default = "-XX:MaxRAMPercentage=65.0 -XX:InitialRAMPercentage=50.0 -XX:ActiveProcessorCount=2 -XX:+ExitOnOutOfMemoryError"
}

# 0.25 vCPU / 0.5 GB: smaller heap share (metaspace and threads need the rest), serial GC.
variable "worker_java_tool_options" {
  type    = string
  default = "-XX:MaxRAMPercentage=60.0 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"
}

variable "exec_log_group_name" {
  description = "CloudWatch log group of the ECS Exec sessions (observability module)"
  type        = string
}

variable "restart_schedule" {
  description = "Rolling restart of api and worker (UTC), two hours after the secrets module's rotation_schedule"
  type        = string
  default     = "cron(0 5 1 * ? *)"
}
