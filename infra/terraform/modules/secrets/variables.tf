variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored"
  type        = number
  default     = 30
}
