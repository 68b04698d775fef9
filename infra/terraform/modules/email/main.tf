# E-mail through Amazon SES (SMTP interface): the sending domain's identity with Easy DKIM,
# its DKIM records in Route 53, a custom MAIL FROM domain (mail.<domain>: bounces come back to SES
# and SPF aligns with the From domain), a DMARC policy, and the SMTP endpoint the notifications use.
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

# Custom MAIL FROM: the envelope sender is mail.<domain> (SPF passes for SES there and is aligned with
# the From domain under relaxed alignment). If its MX record goes missing, SES falls back to its own
# domain instead of refusing to send (DKIM still passes, so DMARC still does).
locals {
  mail_from_domain = "mail.${var.mail_domain}"
}

resource "aws_sesv2_email_identity_mail_from_attributes" "domain" {
  email_identity         = aws_sesv2_email_identity.domain.email_identity
  mail_from_domain       = local.mail_from_domain
  behavior_on_mx_failure = "USE_DEFAULT_VALUE"
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.mail_from_domain
  type    = "MX"
  ttl     = 1800
  records = ["10 feedback-smtp.${var.region}.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.mail_from_domain
  type    = "TXT"
  ttl     = 1800
  records = ["v=spf1 include:amazonses.com -all"]
}

# DMARC for the From domain: mail that passes neither aligned DKIM nor aligned SPF is quarantined;
# aggregate reports go to var.dmarc_report_email when it is set.
resource "aws_route53_record" "dmarc" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "_dmarc.${var.mail_domain}"
  type    = "TXT"
  ttl     = 1800
  records = [join("; ", compact([
    "v=DMARC1",
    "p=${var.dmarc_policy}",
    "adkim=s",
    "aspf=r",
    var.dmarc_report_email == "" ? "" : "rua=mailto:${var.dmarc_report_email}",
  ]))]
}
