# Production: the plan's "Configuration by Environment" column, plus what must differ per account.
# Edit the placeholders before the first apply: zone_name, domain_name, github_repository, alarm_email.
environment       = "production"
zone_name         = "example.com"
domain_name       = "pto.example.com" # CORS: the production domain (also APP_BASE_URL, e-mail domain)
github_repository = "power-pto/power-pto"
alarm_email       = ""
slack_team_id     = "" # the workspace ID from the AWS Chatbot console (alarms to Slack)
slack_channel_id  = "" # the channel ID (invite the AWS app to it)

swagger_ui_enabled     = false  # Swagger UI: disabled
log_level              = "INFO" # Log level: INFO (Debug: false)
db_multi_az            = true   # DB: RDS (multi-AZ)
api_desired_count      = 2      # Replicas (API): 2+
api_min_count          = 2
api_max_count          = 6
worker_desired_count   = 1 # Replicas (Worker): 1
frontend_desired_count = 2
log_retention_days     = 90 # Logging: 90 days (production)

interface_endpoints     = true # ECR, Secrets Manager, CloudWatch traffic stays off the NAT gateway
alb_deletion_protection = true
vpc_cidr                = "10.20.0.0/16"
