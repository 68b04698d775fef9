# `terraform test` plans the whole stack against a mocked AWS provider: the provider's schema and its
# own validation run on every resource (argument names, types, enums, ARN shapes), no AWS call is made.
# CI runs it once per environment (.github/workflows/ci.yml, job "terraform"):
#
#   terraform -chdir=infra/terraform/stack init -backend=false
#   terraform -chdir=infra/terraform/stack test -var-file=environments/staging.tfvars
#   terraform -chdir=infra/terraform/stack test -var-file=environments/production.tfvars
#
# The mock answers computed attributes at plan time (override_during = plan) with values of the
# right shape where the configuration or the provider's validation needs one (ARNs, DKIM tokens, the
# ACM validation options the DNS records iterate over).

mock_provider "aws" {
  override_during = plan

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
  mock_data "aws_elb_service_account" {
    defaults = {
      arn = "arn:aws:iam::127311923021:root"
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mock"
    }
  }
  mock_resource "aws_iam_openid_connect_provider" {
    defaults = {
      arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    }
  }
  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:power-pto/mock-AbCdEf"
    }
  }
  mock_resource "aws_ecr_repository" {
    defaults = {
      arn = "arn:aws:ecr:us-east-1:123456789012:repository/power-pto/mock"
    }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/power-pto/0123456789abcdef"
      arn_suffix = "app/power-pto/0123456789abcdef"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/power-pto-api/0123456789abcdef"
      arn_suffix = "targetgroup/power-pto-api/0123456789abcdef"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/power-pto/0123456789abcdef/0123456789abcdef"
    }
  }
  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-east-1:123456789012:power-pto-alarms"
    }
  }
  mock_resource "aws_sesv2_email_identity" {
    defaults = {
      arn = "arn:aws:ses:us-east-1:123456789012:identity/pto.example.com"
      dkim_signing_attributes = {
        tokens                  = ["token1", "token2", "token3"]
        next_signing_key_length = "RSA_2048_BIT"
      }
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:123456789012:log-group:/power-pto/mock"
    }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = {
      arn = "arn:aws:ecs:us-east-1:123456789012:cluster/power-pto"
    }
  }
  mock_resource "aws_ecs_service" {
    defaults = {
      id = "arn:aws:ecs:us-east-1:123456789012:service/power-pto/mock"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::power-pto-logs-123456789012"
    }
  }
  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/power-pto/00000000-0000-0000-0000-000000000000"
    }
  }
}

override_resource {
  target          = module.dns.aws_acm_certificate.main
  override_during = plan
  values = {
    arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    domain_validation_options = [{
      domain_name           = "pto.example.com"
      resource_record_name  = "_x.pto.example.com."
      resource_record_type  = "CNAME"
      resource_record_value = "_y.acm-validations.aws."
    }]
  }
}

# A run passes when the whole stack plans: every resource's arguments valid for the provider. (Test
# assertions can only see the root module's outputs; infra/check asserts the resources' settings.)
run "plan" {
  command = plan
}

# With the Slack IDs set, the AWS Chatbot channel configuration is planned (and validated) too.
run "plan_with_slack" {
  command = plan

  variables {
    slack_team_id    = "T0123456789"
    slack_channel_id = "C0123456789"
  }
}
