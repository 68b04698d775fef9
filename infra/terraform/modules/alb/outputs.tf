output "alb_arn" {
  value = aws_lb.main.arn
}

output "alb_arn_suffix" {
  description = "LoadBalancer dimension of the AWS/ApplicationELB metrics"
  value       = aws_lb.main.arn_suffix
}

output "alb_dns_name" {
  value = aws_lb.main.dns_name
}

output "alb_zone_id" {
  value = aws_lb.main.zone_id
}

output "https_listener_arn" {
  value = aws_lb_listener.https.arn
}

output "api_target_group_arn" {
  value = aws_lb_target_group.api.arn
}

output "api_target_group_arn_suffix" {
  description = "TargetGroup dimension of the AWS/ApplicationELB metrics"
  value       = aws_lb_target_group.api.arn_suffix
}

output "frontend_target_group_arn" {
  value = aws_lb_target_group.frontend.arn
}
