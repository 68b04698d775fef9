variable "name" {
  description = "Name prefix, e.g. power-pto-production"
  type        = string
}

variable "alb_arn" {
  type = string
}

variable "auth_rate_limit" {
  description = "Requests to /api/auth/ one client address may send in 5 minutes before WAF blocks it (an office behind one NAT address signs in together: keep it well above one person's needs)"
  type        = number
  default     = 300
}

variable "log_retention_days" {
  type = number
}
