terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # Remote state in S3 with native S3 locking (Terraform >= 1.10). The bucket is created
  # once by hand per account (versioned, encrypted, public access blocked).
  backend "s3" {
    bucket       = "power-pto-terraform-state-staging"
    key          = "power-pto/staging/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "power-pto"
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}
