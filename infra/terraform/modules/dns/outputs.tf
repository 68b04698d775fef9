output "certificate_arn" {
  description = "ARN of the validated certificate (waits for DNS validation)"
  value       = aws_acm_certificate_validation.main.certificate_arn
}

output "fqdn" {
  value = aws_route53_record.app.fqdn
}
