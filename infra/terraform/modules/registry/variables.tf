variable "keep_images" {
  description = "How many images each repository keeps (how far back a rollback can go)"
  type        = number
  default     = 100
}
