variable "name" {
  description = "Name prefix, e.g. power-pto-production"
  type        = string
}

variable "region" {
  description = "AWS region (for endpoint service names)"
  type        = string
}

variable "cidr_block" {
  description = "VPC CIDR block"
  type        = string
}

variable "availability_zones" {
  description = "Exactly two availability zones"
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "The plan uses exactly two availability zones."
  }
}

variable "interface_endpoints" {
  description = "Interface endpoints for ECR, Secrets Manager, CloudWatch Logs and monitoring (production); without them that traffic goes through the NAT gateway"
  type        = bool
  default     = true
}

variable "flow_log_bucket_arn" {
  description = "S3 bucket (logging module) that receives the VPC flow logs"
  type        = string
}
