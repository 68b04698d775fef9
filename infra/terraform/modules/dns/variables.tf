variable "zone_name" {
  description = "Existing public Route 53 hosted zone, e.g. example.com"
  type        = string
}

variable "domain_name" {
  description = "The application's host name, e.g. pto.example.com"
  type        = string
}

variable "alb_dns_name" {
  type = string
}

variable "alb_zone_id" {
  type = string
}
