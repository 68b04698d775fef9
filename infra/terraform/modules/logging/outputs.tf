# The bucket only once its policy lets the services write: the ALB checks that when access logs are turned on.
output "bucket_name" {
  value      = aws_s3_bucket.logs.id
  depends_on = [aws_s3_bucket_policy.logs]
}

output "bucket_arn" {
  value      = aws_s3_bucket.logs.arn
  depends_on = [aws_s3_bucket_policy.logs]
}
