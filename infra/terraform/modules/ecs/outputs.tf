output "cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "service_names" {
  value = {
    api      = aws_ecs_service.api.name
    worker   = aws_ecs_service.worker.name
    frontend = aws_ecs_service.frontend.name
  }
}

output "migrate_task_definition_family" {
  value = aws_ecs_task_definition.migrate.family
}
