output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "api_security_group_id" {
  value = aws_security_group.api.id
}

output "worker_security_group_id" {
  value = aws_security_group.worker.id
}

output "db_security_group_id" {
  value = aws_security_group.db.id
}

output "frontend_security_group_id" {
  value = aws_security_group.frontend.id
}

output "rotation_security_group_id" {
  value = aws_security_group.rotation.id
}
