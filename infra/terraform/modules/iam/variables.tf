variable "name" {
  description = "Name prefix"
  type        = string
}

variable "cluster_name" {
  type    = string
  default = "power-pto"
}

variable "secret_arns" {
  description = "Env var name => ARN of the three application secrets"
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
