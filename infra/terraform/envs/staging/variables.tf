variable "region" {
  type    = string
  default = "us-east-1"
}

variable "zone_name" {
  description = "Existing public Route 53 hosted zone"
  type        = string
}

variable "domain_name" {
  description = "Host name of the staging site"
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository whose main branch may deploy"
  type        = string
}

variable "create_github_oidc_provider" {
  type    = bool
  default = true
}

variable "alarm_email" {
  type    = string
  default = ""
}

variable "image_tag" {
  description = "Commit SHA for the first task definition revisions (the deploy workflow owns later ones)"
  type        = string
  default     = "bootstrap"
}
