output "execution_role_arn" {
  value = aws_iam_role.execution.arn
}

output "migrate_execution_role_arn" {
  value = aws_iam_role.migrate_execution.arn
}

output "ses_smtp_user_name" {
  value = aws_iam_user.ses_smtp.name
}

output "api_task_role_arn" {
  value = aws_iam_role.api_task.arn
}

output "worker_task_role_arn" {
  value = aws_iam_role.worker_task.arn
}

output "frontend_task_role_arn" {
  value = aws_iam_role.frontend_task.arn
}

output "deploy_role_arn" {
  description = "Set as the variable AWS_DEPLOY_ROLE_ARN of the GitHub environment of the same name"
  value       = aws_iam_role.deploy.arn
}
