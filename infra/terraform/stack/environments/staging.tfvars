# Staging: the plan's "Configuration by Environment" column, plus what must differ per account.
# Edit the placeholders before the first apply: zone_name, domain_name, github_repository, alarm_email.
environment       = "staging"
zone_name         = "example.com"
domain_name       = "staging.pto.example.com" # CORS: the staging domain (also APP_BASE_URL, e-mail domain)
github_repository = "power-pto/power-pto"
alarm_email       = ""
slack_team_id     = "" # the workspace ID from the AWS Chatbot console (alarms to Slack)
slack_channel_id  = "" # the channel ID (invite the AWS app to it)

swagger_ui_enabled     = true   # Swagger UI: enabled
log_level              = "INFO" # Log level: INFO (Debug: false)
db_multi_az            = false  # DB: RDS (single-AZ)
api_desired_count      = 1      # Replicas (API): 1
api_min_count          = 1
api_max_count          = 2
worker_desired_count   = 1 # Replicas (Worker): 1
frontend_desired_count = 2
log_retention_days     = 30 # Logging: 30 days (staging)

interface_endpoints     = false # interface endpoints: staging's AWS traffic goes through its NAT gateway
alb_deletion_protection = false
vpc_cidr                = "10.10.0.0/16"
