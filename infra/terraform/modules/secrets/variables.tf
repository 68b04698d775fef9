variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored"
  type        = number
  default     = 30
}

variable "name" {
  description = "Name prefix, e.g. power-pto-production"
  type        = string
}

variable "master_secret_arn" {
  description = "The RDS-managed master user secret: the rotation function logs in with it"
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the rotation function (it reaches RDS and Secrets Manager from there)"
  type        = list(string)
}

variable "rotation_security_group_id" {
  type = string
}

variable "rotation_schedule" {
  description = "When the application's database password is rotated (UTC); the ecs module restarts api and worker two hours later"
  type        = string
  default     = "cron(0 3 1 * ? *)"
}
