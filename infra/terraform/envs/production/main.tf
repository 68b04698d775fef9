# Power PTO — production. One AWS account per environment, so the plan's fixed names
# (cluster "power-pto", secrets "power-pto/...", ECR "power-pto/...") do not collide.
# Settings from the plan's "Configuration by Environment" table are marked (*).

locals {
  environment = "production" # (*) ENVIRONMENT
  name        = "power-pto-production"
}

module "network" {
  source             = "../../modules/network"
  name               = local.name
  region             = var.region
  cidr_block         = "10.20.0.0/16"
  availability_zones = ["${var.region}a", "${var.region}b"]
}

module "security" {
  source = "../../modules/security"
  name   = local.name
  vpc_id = module.network.vpc_id
}

module "database" {
  source               = "../../modules/database"
  name                 = local.name
  private_subnet_ids   = module.network.private_subnet_ids
  db_security_group_id = module.security.db_security_group_id
  multi_az             = true # (*) RDS multi-AZ
  instance_class       = "db.t4g.medium"
  allocated_storage    = 50
  max_connections      = 400
}

module "registry" {
  source = "../../modules/registry"
}

module "secrets" {
  source = "../../modules/secrets"
}

module "iam" {
  source                      = "../../modules/iam"
  name                        = local.name
  cluster_name                = "power-pto"
  secret_arns                 = module.secrets.secret_arns
  ecr_repository_arns         = module.registry.repository_arns
  github_repository           = var.github_repository
  create_github_oidc_provider = var.create_github_oidc_provider
}

module "dns" {
  source       = "../../modules/dns"
  zone_name    = var.zone_name
  domain_name  = var.domain_name
  alb_dns_name = module.alb.alb_dns_name
  alb_zone_id  = module.alb.alb_zone_id
}

module "alb" {
  source                = "../../modules/alb"
  vpc_id                = module.network.vpc_id
  public_subnet_ids     = module.network.public_subnet_ids
  alb_security_group_id = module.security.alb_security_group_id
  certificate_arn       = module.dns.certificate_arn
  deletion_protection   = true
}

module "observability" {
  source                      = "../../modules/observability"
  environment                 = local.environment
  region                      = var.region
  log_retention_days          = 90 # (*) log retention
  alarm_email                 = var.alarm_email
  cluster_name                = module.ecs.cluster_name
  alb_arn_suffix              = module.alb.alb_arn_suffix
  api_target_group_arn_suffix = module.alb.api_target_group_arn_suffix
  db_instance_identifier      = module.database.identifier
  db_max_connections          = module.database.max_connections
}

module "ecs" {
  source             = "../../modules/ecs"
  environment        = local.environment
  region             = var.region
  image_tag          = var.image_tag
  repository_urls    = module.registry.repository_urls
  cors_origins       = "https://${var.domain_name}" # (*) CORS: the production domain
  swagger_ui_enabled = false # (*) Swagger UI
  secret_arns        = module.secrets.secret_arns
  log_group_names    = module.observability.log_group_names

  execution_role_arn     = module.iam.execution_role_arn
  api_task_role_arn      = module.iam.api_task_role_arn
  worker_task_role_arn   = module.iam.worker_task_role_arn
  frontend_task_role_arn = module.iam.frontend_task_role_arn

  private_subnet_ids         = module.network.private_subnet_ids
  api_security_group_id      = module.security.api_security_group_id
  worker_security_group_id   = module.security.worker_security_group_id
  frontend_security_group_id = module.security.frontend_security_group_id
  api_target_group_arn       = module.alb.api_target_group_arn
  frontend_target_group_arn  = module.alb.frontend_target_group_arn

  api_desired_count      = 2 # (*) API replicas
  api_min_count          = 2
  api_max_count          = 6
  worker_desired_count   = 1 # (*) worker replicas
  frontend_desired_count = 2

  # The services attach to target groups that must already be on a listener.
  depends_on = [module.alb]
}
