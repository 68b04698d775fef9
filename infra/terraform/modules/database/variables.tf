variable "name" {
  description = "DB identifier, e.g. power-pto-production"
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "db_security_group_id" {
  type = string
}

variable "multi_az" {
  description = "true in production, false in staging"
  type        = bool
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "allocated_storage" {
  description = "GB"
  type        = number
  default     = 50
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling, GB"
  type        = number
  default     = 200
}

variable "max_connections" {
  description = "PostgreSQL max_connections; the connections alarm fires at 80 % of it"
  type        = number
  default     = 400
}

variable "log_retention_days" {
  description = "Retention of the exported PostgreSQL logs: 30 days in staging, 90 in production"
  type        = number
}
