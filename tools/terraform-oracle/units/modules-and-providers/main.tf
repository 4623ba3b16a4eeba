# Generated unit for the Terraform oracle: provider regions and aliases (one assuming a role in
# another account), data.aws_region / data.aws_caller_identity per provider, resources and a local
# module on an aliased provider.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

provider "aws" {
  alias  = "shared"
  region = "us-west-2"
  assume_role {
    role_arn = "arn:aws:iam::999999999999:role/terraform"
  }
}

data "aws_region" "current" {}

data "aws_region" "frankfurt" {
  provider = aws.frankfurt
}

data "aws_caller_identity" "current" {}

data "aws_caller_identity" "shared" {
  provider = aws.shared
}

data "aws_partition" "current" {}

resource "aws_iam_role" "pipeline" {
  name = "pipeline"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.shared.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "pipeline" {
  name = "pipeline"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "HomeRegion"
        Effect   = "Allow"
        Action   = "states:StartExecution"
        Resource = "arn:aws:states:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:stateMachine:deploy"
      },
      {
        Sid      = "Frankfurt"
        Effect   = "Allow"
        Action   = "events:PutEvents"
        Resource = "arn:aws:events:${data.aws_region.frankfurt.name}:${data.aws_caller_identity.current.account_id}:event-bus/default"
      }
    ]
  })
}

module "deployer" {
  source    = "./modules/service-role"
  name      = "deployer"
  service   = "codebuild.amazonaws.com"
  providers = { aws = aws.shared }
}

module "local_worker" {
  source  = "./modules/service-role"
  name    = "worker"
  service = "ec2.amazonaws.com"
}

resource "aws_iam_role_policy_attachment" "deployer" {
  provider   = aws.shared
  role       = module.deployer.role_name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
