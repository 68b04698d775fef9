terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # Remote state in S3 with native S3 locking (Terraform >= 1.10). Partial configuration: the
  # bucket and key come from environments/<env>.s3.tfbackend (terraform init -backend-config=...).
  # Each bucket is created once by hand in its account (versioned, encrypted, public access blocked).
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "power-pto"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
