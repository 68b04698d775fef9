# RDS PostgreSQL 17. Multi-AZ in production, single-AZ in staging (the plan's
# "Configuration by Environment"); encrypted; 7-day automated backups; deletion
# protection; master password generated and rotated by RDS in Secrets Manager, so no
# password is ever in Terraform code or state.

resource "aws_db_subnet_group" "private" {
  name        = "${var.name}-private"
  description = "Private subnets for ${var.name} PostgreSQL"
  subnet_ids  = var.private_subnet_ids
}

# name_prefix, not name: create_before_destroy needs the replacement to get a new name.
resource "aws_db_parameter_group" "postgres17" {
  name_prefix = "${var.name}-postgres17-"
  family      = "postgres17"
  description = "Power PTO PostgreSQL 17 parameters"

  # TLS everywhere: refuse unencrypted connections.
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Pinned so the DatabaseConnections alarm threshold (80 % of this) is exact.
  parameter {
    name         = "max_connections"
    value        = tostring(var.max_connections)
    apply_method = "pending-reboot"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  lifecycle {
    create_before_destroy = true
  }
}

# The log groups RDS exports into, created first so they get a retention (RDS would create
# them itself, kept forever).
resource "aws_cloudwatch_log_group" "rds" {
  for_each          = toset(local.log_exports)
  name              = "/aws/rds/instance/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

locals {
  log_exports = ["postgresql", "upgrade"]
}

resource "aws_db_instance" "main" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = "17"
  instance_class = var.instance_class

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az            = var.multi_az
  publicly_accessible = false

  db_name  = "power_pto"
  username = "power_pto_admin"

  # Credentials managed by Secrets Manager (RDS managed rotation).
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.private.name
  parameter_group_name   = aws_db_parameter_group.postgres17.name
  vpc_security_group_ids = [var.db_security_group_id]
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  backup_retention_period   = 7
  backup_window             = "03:00-03:30"
  maintenance_window        = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"

  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = local.log_exports

  depends_on = [aws_cloudwatch_log_group.rds]
}
