variable "name" {
  description = "Name prefix, e.g. power-pto-production (the bucket adds the account id: bucket names are global)"
  type        = string
}

variable "log_retention_days" {
  description = "Days the delivered log files are kept: 30 in staging, 90 in production"
  type        = number
}
