# Every value that differs between environments is a variable set in environments/<env>.tfvars.
# Settings from the plan's "Configuration by Environment" table are marked (*).

variable "environment" {
  description = "(*) ENVIRONMENT: staging or production; also the GitHub environment the deploy role trusts"
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "zone_name" {
  description = "Existing public Route 53 hosted zone"
  type        = string
}

variable "domain_name" {
  description = "(*) Host name of the site; CORS origin, APP_BASE_URL and the e-mail domain follow from it"
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository whose deploy workflow may assume the deploy role"
  type        = string
}

variable "create_github_oidc_provider" {
  type    = bool
  default = true
}

variable "alarm_email" {
  type    = string
  default = ""
}

variable "slack_team_id" {
  description = "Slack workspace ID authorized once in the AWS Chatbot console (docs/operations.md, first deploy step 8); empty: no Slack"
  type        = string
  default     = ""
}

variable "slack_channel_id" {
  description = "Slack channel for the alarms (with slack_team_id)"
  type        = string
  default     = ""
}

variable "dmarc_report_email" {
  description = "Where DMARC aggregate reports for the e-mail domain go (empty: none)"
  type        = string
  default     = ""
}

variable "interface_endpoints" {
  description = "Interface VPC endpoints (ECR, Secrets Manager, CloudWatch): production; staging uses its NAT gateway"
  type        = bool
}

variable "image_tag" {
  description = "Commit SHA for the first task definition revisions (the deploy workflow owns later ones)"
  type        = string
  default     = "bootstrap"
}

variable "vpc_cidr" {
  type = string
}

variable "swagger_ui_enabled" {
  description = "(*) Swagger UI: enabled in staging, disabled in production"
  type        = bool
}

variable "log_level" {
  description = "(*) Log level: INFO in staging and production (DEBUG is development only)"
  type        = string
}

variable "db_multi_az" {
  description = "(*) RDS: single-AZ in staging, Multi-AZ in production"
  type        = bool
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "db_allocated_storage" {
  type    = number
  default = 50
}

variable "db_max_connections" {
  type    = number
  default = 400
}

variable "api_desired_count" {
  description = "(*) API replicas: 1 in staging, 2+ in production"
  type        = number
}

variable "api_min_count" {
  type = number
}

variable "api_max_count" {
  type = number
}

variable "worker_desired_count" {
  description = "(*) Worker replicas: 1 everywhere"
  type        = number
}

variable "frontend_desired_count" {
  type = number
}

variable "log_retention_days" {
  description = "Log retention: 30 days in staging, 90 in production (services and RDS logs)"
  type        = number
}

variable "alb_deletion_protection" {
  type = bool
}
