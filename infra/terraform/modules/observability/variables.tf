variable "environment" {
  type = string
}

variable "region" {
  type = string
}

variable "log_retention_days" {
  description = "30 in staging, 90 in production"
  type        = number

  validation {
    condition     = contains([30, 90], var.log_retention_days)
    error_message = "The plan keeps logs 30 days (staging) or 90 days (production)."
  }
}

variable "alarm_email" {
  description = "Optional e-mail subscribed to the alarm topic (Slack goes through AWS Chatbot)"
  type        = string
  default     = ""
}

variable "cluster_name" {
  type = string
}

variable "alb_arn_suffix" {
  type = string
}

variable "api_target_group_arn_suffix" {
  type = string
}

variable "db_instance_identifier" {
  type = string
}

variable "db_max_connections" {
  description = "PostgreSQL max_connections (the alarm fires above 80 % of it)"
  type        = number
}

variable "accrual_metric_dimensions" {
  description = "Dimensions, besides job, that the worker's Micrometer meters carry in CloudWatch (its common tags)"
  type        = map(string)
  default     = { service = "worker" }
}

variable "slack_team_id" {
  description = "Slack workspace ID authorized in the AWS Chatbot console; with slack_channel_id, alarms go to Slack (empty: no Slack)"
  type        = string
  default     = ""
}

variable "slack_channel_id" {
  description = "Slack channel ID the alarms are posted to (invite the AWS app to it)"
  type        = string
  default     = ""
}
