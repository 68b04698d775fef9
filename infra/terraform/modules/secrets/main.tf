# The application's secrets. Terraform creates the containers only: values are put
# with `aws secretsmanager put-secret-value` (docs/operations.md), so no secret value
# is in code or in Terraform state. The RDS master password is a separate secret that
# RDS itself creates and rotates (manage_master_user_password). The application's database
# login (power-pto/database-url) is rotated by Secrets Manager too (below, decision 0069).

resource "aws_secretsmanager_secret" "db_url" {
  name                    = "power-pto/database-url"
  description             = "DATABASE_URL: postgresql://power_pto_app_a:<password>@<host>:5432/power_pto?sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem"
  recovery_window_in_days = var.recovery_window_in_days
}

# Migrations run as the schema owner; the API and worker connect as power_pto_app, which cannot
# UPDATE/DELETE ledger or audit rows (migration V50, docs/operations.md "Database roles").
resource "aws_secretsmanager_secret" "db_owner_url" {
  name                    = "power-pto/database-owner-url"
  description             = "DATABASE_URL of the migrate task: postgresql://power_pto_migrator:<password>@<host>:5432/power_pto?sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem"
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret" "jwt_secret" {
  name                    = "power-pto/jwt-signing-key"
  description             = "JWT_SECRET: HS256 signing key, at least 32 random bytes"
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret" "payroll_webhook_secret" {
  name                    = "power-pto/payroll-webhook-secret"
  description             = "PAYROLL_WEBHOOK_SECRET: HMAC key shared with the payroll provider"
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret" "secrets_key" {
  name                    = "power-pto/secrets-key"
  description             = "PTO_SECRETS_KEY: 32 random bytes, base64; AES-256-GCM key of stored company secrets (SSO client secrets, company payroll webhook secrets)"
  recovery_window_in_days = var.recovery_window_in_days
}

# SES SMTP credentials of the notifications (SMTP_USERNAME / SMTP_PASSWORD): the access key id of
# the iam module's SES user and the SMTP password derived from its secret (docs/operations.md).
resource "aws_secretsmanager_secret" "smtp_username" {
  name                    = "power-pto/smtp-username"
  description             = "SMTP_USERNAME: access key id of the power-pto-<env>-ses-smtp IAM user"
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret" "smtp_password" {
  name                    = "power-pto/smtp-password"
  description             = "SMTP_PASSWORD: SES SMTP password derived from that user's secret access key"
  recovery_window_in_days = var.recovery_window_in_days
}

# Managed rotation of the application's database login: a rotation function that Secrets Manager
# hosts and AWS maintains (the AWS::SecretsManager transform's HostedRotationLambda, strategy
# PostgreSQLMultiUser). Logged in with the RDS master secret, it alternates between the user in the
# secret (power_pto_app_a) and a clone it creates once (power_pto_app_a_clone, member of the first):
# the new password goes to the user that is not in use, so tasks still holding the previous one keep
# working until they are replaced (the ecs module restarts api and worker after each rotation).
# Not rotated on creation: the secret holds no value until the first deploy (docs/operations.md).
resource "aws_cloudformation_stack" "database_url_rotation" {
  name         = "${var.name}-database-url-rotation"
  capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

  template_body = jsonencode({
    AWSTemplateFormatVersion = "2010-09-09"
    Transform                = "AWS::SecretsManager-2024-09-16"
    Description              = "Managed rotation of power-pto/database-url (PostgreSQL, alternating users)"
    Resources = {
      DatabaseUrlRotation = {
        Type = "AWS::SecretsManager::RotationSchedule"
        Properties = {
          SecretId                  = aws_secretsmanager_secret.db_url.arn
          RotateImmediatelyOnUpdate = false
          RotationRules = {
            ScheduleExpression = var.rotation_schedule
          }
          HostedRotationLambda = {
            RotationType        = "PostgreSQLMultiUser"
            RotationLambdaName  = "${var.name}-database-url-rotation"
            MasterSecretArn     = var.master_secret_arn
            VpcSubnetIds        = join(",", var.private_subnet_ids)
            VpcSecurityGroupIds = var.rotation_security_group_id
          }
        }
      }
    }
  })
}
