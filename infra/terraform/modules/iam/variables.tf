variable "name" {
  description = "Name prefix"
  type        = string
}

variable "cluster_name" {
  type    = string
  default = "power-pto"
}

variable "secret_arns" {
  description = "Env var name => ARN of the application secrets (secrets module)"
  type        = map(string)
}

variable "ecr_repository_arns" {
  description = "api/worker/frontend => ECR repository ARN"
  type        = map(string)
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to deploy"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Use owner/name."
  }
}

variable "create_github_oidc_provider" {
  description = "false when the account already has the token.actions.githubusercontent.com provider"
  type        = bool
  default     = true
}

variable "environment" {
  description = "staging or production: the GitHub environment the deploy role trusts"
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "mail_from" {
  description = "The only From address the SES SMTP user may send as"
  type        = string
}

variable "email_identity_arn" {
  description = "SES identity the SMTP user sends through"
  type        = string
}

variable "exec_log_group_arn" {
  description = "ARN of the ECS Exec session log group; the task roles write the sessions into it"
  type        = string
}
