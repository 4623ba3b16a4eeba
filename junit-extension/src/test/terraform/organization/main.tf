# An organization managed from its management account (999999999999): a Workloads OU with prod and
# dev, sandbox under the root; an SCP protecting CloudTrail at the root and a region lock on
# Workloads. The same root module creates a deployer role in prod and in dev through aliased
# providers, and a dev bucket that prod's deployer may write.
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["999999999999"]
}

provider "aws" {
  alias  = "prod"
  region = "eu-west-1"
  assume_role { role_arn = "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole" }
}

provider "aws" {
  alias  = "dev"
  region = "eu-west-1"
  assume_role { role_arn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" }
}

resource "aws_organizations_organization" "org" {
  feature_set          = "ALL"
  enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "prod@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.prod
  id = "111111111111"
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "dev@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.dev
  id = "222222222222"
}

resource "aws_organizations_account" "sandbox" {
  name  = "sandbox"
  email = "sandbox@example.com"
}

import {
  to = aws_organizations_account.sandbox
  id = "333333333333"
}

resource "aws_organizations_policy" "protect_cloudtrail" {
  name = "protect-cloudtrail"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ProtectCloudTrail"
      Effect   = "Deny"
      Action   = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]
      Resource = "*"
    }]
  })
}

resource "aws_organizations_policy_attachment" "protect_cloudtrail" {
  policy_id = aws_organizations_policy.protect_cloudtrail.id
  target_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_policy" "region_lock" {
  name = "region-lock"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "RegionLock"
      Effect    = "Deny"
      NotAction = ["iam:*", "sts:*", "organizations:*"]
      Resource  = "*"
      Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] } }
    }]
  })
}

resource "aws_organizations_policy_attachment" "region_lock" {
  policy_id = aws_organizations_policy.region_lock.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_iam_role" "deployer_prod" {
  provider = aws.prod
  name     = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "deployer_prod" {
  provider = aws.prod
  role     = aws_iam_role.deployer_prod.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Deploy", Effect = "Allow", Action = ["s3:PutObject", "cloudtrail:*"], Resource = "*" }]
  })
}

resource "aws_iam_role" "deployer_dev" {
  provider = aws.dev
  name     = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "deployer_dev" {
  provider = aws.dev
  role     = aws_iam_role.deployer_dev.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Read", Effect = "Allow", Action = ["s3:GetObject", "cloudtrail:*"], Resource = "*" }]
  })
}

resource "aws_s3_bucket_policy" "dev_artifacts" {
  provider = aws.dev
  bucket   = "dev-artifacts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ProdDeployerWrites"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111111111111:role/deployer" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::dev-artifacts/*"
    }]
  })
}
