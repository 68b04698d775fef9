output "site" {
  value = "https://${module.dns.fqdn}"
}

output "deploy_role_arn" {
  description = "GitHub environment variable AWS_DEPLOY_ROLE_ARN of this environment"
  value       = module.iam.deploy_role_arn
}

output "ecr_repository_urls" {
  value = module.registry.repository_urls
}

output "alarm_topic_arn" {
  value = module.observability.alarm_topic_arn
}

output "rds_master_user_secret_arn" {
  value = module.database.master_user_secret_arn
}

output "rds_address" {
  description = "Host name for DATABASE_URL and the owner URL (sslmode=verify-full checks it)"
  value       = module.database.address
}

output "ses_smtp_user_name" {
  description = "IAM user whose access key becomes SMTP_USERNAME / SMTP_PASSWORD (docs/operations.md)"
  value       = module.iam.ses_smtp_user_name
}
