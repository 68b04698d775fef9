# E-mail through Amazon SES (SMTP interface): the sending domain's identity with Easy DKIM,
# its DKIM records in Route 53, and the SMTP endpoint the application's notifications use.
# The SMTP credentials are an IAM user's access key (iam module), converted to an SMTP password
# by hand and put into Secrets Manager, so no credential is in Terraform state
# (docs/operations.md "E-mail (SES)"). A new account's SES is in the sandbox: production access
# is requested once per account (same doc).

data "aws_route53_zone" "main" {
  name         = var.zone_name
  private_zone = false
}

resource "aws_sesv2_email_identity" "domain" {
  email_identity = var.mail_domain

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }
}

# Easy DKIM: three CNAMEs <token>._domainkey.<domain> -> <token>.dkim.amazonses.com.
resource "aws_route53_record" "dkim" {
  count   = 3
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}._domainkey.${var.mail_domain}"
  type    = "CNAME"
  ttl     = 1800
  records = ["${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}.dkim.amazonses.com"]
}
