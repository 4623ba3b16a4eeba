# An organization of three member accounts: prod and dev in the Workloads OU, sandbox in the
# Sandboxes OU. The region-lock SCP, attached to Workloads, keeps workloads in eu-west-1; the head
# also allows eu-central-1. prod's operator may run EC2 instances; dev and sandbox declare no
# principal (the lock reaches dev, not sandbox).
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
  enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_organizational_unit" "sandboxes" {
  name      = "Sandboxes"
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

resource "aws_organizations_account" "sandbox" {
  name      = "sandbox"
  email     = "aws-sandbox@example.com"
  parent_id = aws_organizations_organizational_unit.sandboxes.id
}

import {
  to = aws_organizations_account.sandbox
  id = "333333333333"
}

resource "aws_organizations_policy" "region_lock" {
  name = "region-lock"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "RegionLock"
      Effect    = "Deny"
      NotAction = ["iam:*", "sts:*"]
      Resource  = "*"
      Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] } }
    }]
  })
}

resource "aws_organizations_policy_attachment" "region_lock" {
  policy_id = aws_organizations_policy.region_lock.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_iam_role" "operator" {
  provider           = aws.prod
  name               = "operator"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111111111111:root" } }] })
  inline_policy {
    name   = "operate"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "RunInstances", Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }] })
  }
}
