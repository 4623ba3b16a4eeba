# An organization managed from its management account (999999999999), administered through IAM
# Identity Center with the Admin permission set (AWS's AdministratorAccess): a Workloads OU with prod
# and dev under a protect-CloudTrail SCP, and a Sandboxes OU with two accounts both named "sandbox"
# (an account's name is a label; two may share one), Admin assigned to the first only.
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["999999999999"]
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

resource "aws_organizations_account" "team_sandbox" {
  name      = "sandbox"
  email     = "team-sandbox@example.com"
  parent_id = aws_organizations_organizational_unit.sandboxes.id
}

import {
  to = aws_organizations_account.team_sandbox
  id = "333333333333"
}

resource "aws_organizations_account" "training_sandbox" {
  name      = "sandbox"
  email     = "training-sandbox@example.com"
  parent_id = aws_organizations_organizational_unit.sandboxes.id
}

import {
  to = aws_organizations_account.training_sandbox
  id = "444444444444"
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
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_ssoadmin_permission_set" "admin" {
  name         = "Admin"
  instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
}

resource "aws_ssoadmin_managed_policy_attachment" "admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ssoadmin_account_assignment" "admin" {
  for_each = {
    prod    = aws_organizations_account.prod.id
    dev     = aws_organizations_account.dev.id
    sandbox = aws_organizations_account.team_sandbox.id
  }
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_id       = "g-platform"
  principal_type     = "GROUP"
  target_id          = each.value
  target_type        = "AWS_ACCOUNT"
}
