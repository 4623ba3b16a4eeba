# An organization of two member accounts, prod and dev, each with an admin role that may manage
# CloudTrail. The protect-CloudTrail SCP is attached to each account; the head detaches it from
# prod, so prod's admin may stop logging again while dev's stays denied.
provider "aws" {
  region = "eu-west-1"
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

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "aws-prod@example.com"
  parent_id = aws_organizations_organization.org.roots[0].id
}

import {
  to = aws_organizations_account.prod
  id = "111111111111"
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "aws-dev@example.com"
  parent_id = aws_organizations_organization.org.roots[0].id
}

import {
  to = aws_organizations_account.dev
  id = "222222222222"
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

resource "aws_organizations_policy_attachment" "protect_cloudtrail_dev" {
  policy_id = aws_organizations_policy.protect_cloudtrail.id
  target_id = aws_organizations_account.dev.id
}

resource "aws_iam_role" "prod_admin" {
  provider           = aws.prod
  name               = "admin"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })
  inline_policy {
    name   = "trails"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "ManageTrails", Effect = "Allow", Action = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource = "*" }] })
  }
}

resource "aws_iam_role" "dev_admin" {
  provider           = aws.dev
  name               = "admin"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::222222222222:root" } }] })
  inline_policy {
    name   = "trails"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "ManageTrails", Effect = "Allow", Action = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource = "*" }] })
  }
}
