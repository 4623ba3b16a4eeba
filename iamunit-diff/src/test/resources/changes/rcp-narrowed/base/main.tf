# An organization of two member accounts in the Workloads OU, with the RCP that lets S3 be used
# only over TLS. The head narrows it to s3:PutObject: prod's reader may read its reports bucket
# without TLS again. dev declares no principal: the RCP applies there, and nothing changes.
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "prod"
  region = "eu-west-1"
  assume_role { role_arn = "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole" }
}

resource "aws_organizations_organization" "org" {
  feature_set          = "ALL"
  enabled_policy_types = ["RESOURCE_CONTROL_POLICY"]
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "aws-prod@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.prod
  id = "111111111111"
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "aws-dev@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.dev
  id = "222222222222"
}

resource "aws_organizations_policy" "s3_over_tls" {
  name = "s3-over-tls"
  type = "RESOURCE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "S3OnlyOverTls"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_organizations_policy_attachment" "s3_over_tls" {
  policy_id = aws_organizations_policy.s3_over_tls.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_iam_role" "reader" {
  provider           = aws.prod
  name               = "reader"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })
  inline_policy {
    name   = "read"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "ReadReports", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::prod-reports/*" }] })
  }
}
