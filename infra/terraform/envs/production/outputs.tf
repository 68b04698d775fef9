output "site" {
  value = "https://${module.dns.fqdn}"
}

output "deploy_role_arn" {
  description = "GitHub repository variable AWS_DEPLOY_ROLE_ARN"
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
