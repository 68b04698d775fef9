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

variable "dmarc_policy" {
  description = "DMARC policy for mail that fails DMARC: none (monitor), quarantine or reject"
  type        = string
  default     = "quarantine"

  validation {
    condition     = contains(["none", "quarantine", "reject"], var.dmarc_policy)
    error_message = "dmarc_policy must be none, quarantine or reject."
  }
}

variable "dmarc_report_email" {
  description = "Address for DMARC aggregate reports (rua); empty: none"
  type        = string
  default     = ""
}
