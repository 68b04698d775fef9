variable "name" {
  description = "Name prefix"
  type        = string
}

variable "vpc_id" {
  type = string
}
