output "secret_arns" {
  description = "Environment variable name => secret ARN, for the task definitions' secrets blocks"
  value = {
    DATABASE_URL           = aws_secretsmanager_secret.db_url.arn
    DATABASE_OWNER_URL     = aws_secretsmanager_secret.db_owner_url.arn
    JWT_SECRET             = aws_secretsmanager_secret.jwt_secret.arn
    PAYROLL_WEBHOOK_SECRET = aws_secretsmanager_secret.payroll_webhook_secret.arn
    PTO_SECRETS_KEY        = aws_secretsmanager_secret.secrets_key.arn
    SMTP_USERNAME          = aws_secretsmanager_secret.smtp_username.arn
    SMTP_PASSWORD          = aws_secretsmanager_secret.smtp_password.arn
  }
}

output "rotation_schedule" {
  value = var.rotation_schedule
}
