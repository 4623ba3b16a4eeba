# An organization managed from 999999999999: prod under the root, denied CloudTrail's StopLogging.
provider "aws" {
  allowed_account_ids = ["999999999999"]
}

resource "aws_organizations_organization" "org" {
  feature_set          = "ALL"
  enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
}

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "prod@example.com"
  parent_id = aws_organizations_organization.org.roots[0].id
}

import {
  to = aws_organizations_account.prod
  id = "111111111111"
}

resource "aws_organizations_policy" "protect_cloudtrail" {
  name = "protect-cloudtrail"
  content = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "ProtectCloudTrail", Effect = "Deny", Action = "cloudtrail:StopLogging", Resource = "*" }]
  })
}

resource "aws_organizations_policy_attachment" "protect_cloudtrail" {
  policy_id = aws_organizations_policy.protect_cloudtrail.id
  target_id = aws_organizations_organization.org.roots[0].id
}
