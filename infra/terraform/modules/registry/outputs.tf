output "repository_urls" {
  value = {
    api      = aws_ecr_repository.api.repository_url
    worker   = aws_ecr_repository.worker.repository_url
    frontend = aws_ecr_repository.frontend.repository_url
  }
}

output "repository_arns" {
  value = {
    api      = aws_ecr_repository.api.arn
    worker   = aws_ecr_repository.worker.arn
    frontend = aws_ecr_repository.frontend.arn
  }
}
