variable "region" {
  type = string
}

variable "zone_name" {
  description = "Existing public Route 53 hosted zone that holds mail_domain"
  type        = string
}

variable "mail_domain" {
  description = "Domain the notifications are sent from (the site's host name)"
  type        = string
}

variable "mail_from_local_part" {
  type    = string
  default = "no-reply"
}
