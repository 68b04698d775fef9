output "identifier" {
  value = aws_db_instance.main.identifier
}

output "address" {
  value = aws_db_instance.main.address
}

output "port" {
  value = aws_db_instance.main.port
}

output "master_user_secret_arn" {
  description = "RDS-managed secret holding the master credentials (rotated by RDS)"
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}

output "max_connections" {
  value = var.max_connections
}
