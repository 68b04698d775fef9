output "identity_arn" {
  value = aws_sesv2_email_identity.domain.arn
}

output "mail_from" {
  description = "MAIL_FROM of the api and worker task definitions"
  value       = "${var.mail_from_local_part}@${var.mail_domain}"
}

output "smtp_host" {
  description = "SMTP_HOST: the SES SMTP endpoint of the region"
  value       = "email-smtp.${var.region}.amazonaws.com"
}

output "smtp_port" {
  description = "SMTP_PORT: 587 with STARTTLS"
  value       = 587
}

output "mail_from_domain" {
  description = "Envelope sender domain (custom MAIL FROM)"
  value       = local.mail_from_domain
}
