output "log_group_names" {
  value = { for k, g in aws_cloudwatch_log_group.service : k => g.name }
}

output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}

output "ecs_exec_log_group_name" {
  value = aws_cloudwatch_log_group.ecs_exec.name
}

output "ecs_exec_log_group_arn" {
  value = aws_cloudwatch_log_group.ecs_exec.arn
}
