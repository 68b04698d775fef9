# Power PTO — the one root module of every environment. An environment is a values file,
# environments/<env>.tfvars (the plan's "Configuration by Environment" table, one file per
# environment), plus its state backend, environments/<env>.s3.tfbackend:
#
#   terraform init -reconfigure -backend-config=environments/staging.s3.tfbackend
#   terraform apply -var-file=environments/staging.tfvars
#
# One AWS account per environment, so the plan's fixed names (cluster "power-pto", secrets
# "power-pto/...", ECR "power-pto/...") do not collide. Environments differ only through the
# variables, i.e. only where the plan says they do.

locals {
  name = "power-pto-${var.environment}"
}

module "logging" {
  source             = "../modules/logging"
  name               = local.name
  log_retention_days = var.log_retention_days
}

module "network" {
  source              = "../modules/network"
  name                = local.name
  region              = var.region
  cidr_block          = var.vpc_cidr
  availability_zones  = ["${var.region}a", "${var.region}b"]
  interface_endpoints = var.interface_endpoints
  flow_log_bucket_arn = module.logging.bucket_arn
}

module "security" {
  source = "../modules/security"
  name   = local.name
  vpc_id = module.network.vpc_id
}

module "database" {
  source               = "../modules/database"
  name                 = local.name
  private_subnet_ids   = module.network.private_subnet_ids
  db_security_group_id = module.security.db_security_group_id
  multi_az             = var.db_multi_az
  instance_class       = var.db_instance_class
  allocated_storage    = var.db_allocated_storage
  max_connections      = var.db_max_connections
  log_retention_days   = var.log_retention_days
}

module "registry" {
  source = "../modules/registry"
}

module "secrets" {
  source                     = "../modules/secrets"
  name                       = local.name
  master_secret_arn          = module.database.master_user_secret_arn
  private_subnet_ids         = module.network.private_subnet_ids
  rotation_security_group_id = module.security.rotation_security_group_id
}

module "email" {
  source             = "../modules/email"
  region             = var.region
  zone_name          = var.zone_name
  mail_domain        = var.domain_name
  dmarc_report_email = var.dmarc_report_email
}

module "iam" {
  source                      = "../modules/iam"
  name                        = local.name
  environment                 = var.environment
  cluster_name                = "power-pto"
  secret_arns                 = module.secrets.secret_arns
  ecr_repository_arns         = module.registry.repository_arns
  github_repository           = var.github_repository
  create_github_oidc_provider = var.create_github_oidc_provider
  mail_from                   = module.email.mail_from
  email_identity_arn          = module.email.identity_arn
  exec_log_group_arn          = module.observability.ecs_exec_log_group_arn
}

module "dns" {
  source       = "../modules/dns"
  zone_name    = var.zone_name
  domain_name  = var.domain_name
  alb_dns_name = module.alb.alb_dns_name
  alb_zone_id  = module.alb.alb_zone_id
}

module "alb" {
  source                = "../modules/alb"
  vpc_id                = module.network.vpc_id
  public_subnet_ids     = module.network.public_subnet_ids
  alb_security_group_id = module.security.alb_security_group_id
  certificate_arn       = module.dns.certificate_arn
  deletion_protection   = var.alb_deletion_protection
  access_logs_bucket    = module.logging.bucket_name
}

module "waf" {
  source             = "../modules/waf"
  name               = local.name
  alb_arn            = module.alb.alb_arn
  log_retention_days = var.log_retention_days
}

module "observability" {
  source                      = "../modules/observability"
  environment                 = var.environment
  region                      = var.region
  log_retention_days          = var.log_retention_days
  alarm_email                 = var.alarm_email
  cluster_name                = module.ecs.cluster_name
  alb_arn_suffix              = module.alb.alb_arn_suffix
  api_target_group_arn_suffix = module.alb.api_target_group_arn_suffix
  db_instance_identifier      = module.database.identifier
  db_max_connections          = module.database.max_connections
  slack_team_id               = var.slack_team_id
  slack_channel_id            = var.slack_channel_id
}

module "ecs" {
  source             = "../modules/ecs"
  environment        = var.environment
  region             = var.region
  image_tag          = var.image_tag
  repository_urls    = module.registry.repository_urls
  cors_origins       = "https://${var.domain_name}"
  swagger_ui_enabled = var.swagger_ui_enabled
  log_level          = var.log_level
  secret_arns        = module.secrets.secret_arns
  log_group_names    = module.observability.log_group_names

  exec_log_group_name = module.observability.ecs_exec_log_group_name

  app_base_url = "https://${var.domain_name}"
  smtp_host    = module.email.smtp_host
  smtp_port    = module.email.smtp_port
  mail_from    = module.email.mail_from

  execution_role_arn         = module.iam.execution_role_arn
  migrate_execution_role_arn = module.iam.migrate_execution_role_arn
  api_task_role_arn          = module.iam.api_task_role_arn
  worker_task_role_arn       = module.iam.worker_task_role_arn
  frontend_task_role_arn     = module.iam.frontend_task_role_arn

  private_subnet_ids         = module.network.private_subnet_ids
  api_security_group_id      = module.security.api_security_group_id
  worker_security_group_id   = module.security.worker_security_group_id
  frontend_security_group_id = module.security.frontend_security_group_id
  api_target_group_arn       = module.alb.api_target_group_arn
  frontend_target_group_arn  = module.alb.frontend_target_group_arn

  api_desired_count      = var.api_desired_count
  api_min_count          = var.api_min_count
  api_max_count          = var.api_max_count
  worker_desired_count   = var.worker_desired_count
  frontend_desired_count = var.frontend_desired_count

  # The services attach to target groups that must already be on a listener.
  depends_on = [module.alb]
}
