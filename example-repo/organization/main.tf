# The organization, managed from its management account (999999999999): a Workloads OU with prod
# and dev, guarded by SCPs (CloudTrail stays on everywhere; workloads stay in eu-west-1) and an RCP
# (S3 only over TLS). Through aliased providers it also creates the cross-account deployment: dev's
# CI runner acts as dev's pipeline role, which may assume prod's deploy role, the one principal
# that may write prod's artifacts bucket. People sign in through IAM Identity Center: developers
# with the Developers permission set in dev and prod, the platform team with Admin in both.

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
  enabled_policy_types = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]
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

# AWS generates an account's id; an import block says which one it is.
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

resource "aws_organizations_policy" "protect_cloudtrail" {
  name = "protect-cloudtrail"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ProtectCloudTrail"
      Effect   = "Deny"
      Action   = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"]
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
      NotAction = ["iam:*", "sts:*", "organizations:*", "cloudfront:*", "route53:*", "support:*"]
      Resource  = "*"
      Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] } }
    }]
  })
}

resource "aws_organizations_policy_attachment" "region_lock" {
  policy_id = aws_organizations_policy.region_lock.id
  target_id = aws_organizations_organizational_unit.workloads.id
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

# dev: the CI runner's user, and the pipeline role it acts as, which builds in dev and deploys to
# prod through prod's deploy role.
resource "aws_iam_user" "ci" {
  provider = aws.dev
  name     = "ci"
}

resource "aws_iam_role" "pipeline" {
  provider = aws.dev
  name     = "pipeline"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustCiRunner"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::222222222222:user/ci" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "pipeline" {
  provider = aws.dev
  role     = aws_iam_role.pipeline.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "BuildInDev", Effect = "Allow", Action = ["s3:*", "ec2:*"], Resource = "*" },
      { Sid = "DeployThroughProd", Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::111111111111:role/deploy" },
    ]
  })
}

# prod: the deploy role dev's pipeline assumes, and the bucket only it may write.
resource "aws_iam_role" "deploy" {
  provider = aws.prod
  name     = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustDevPipeline"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::222222222222:role/pipeline" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  provider = aws.prod
  role     = aws_iam_role.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "WriteArtifacts", Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::prod-artifacts/*" }]
  })
}

resource "aws_s3_bucket_policy" "prod_artifacts" {
  provider = aws.prod
  bucket   = "prod-artifacts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OnlyDeployWrites"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::prod-artifacts/*"
      Condition = { ArnNotEquals = { "aws:PrincipalArn" = "arn:aws:iam::111111111111:role/deploy" } }
    }]
  })
}

# IAM Identity Center, whose instance is the management account's: the developers group works in
# dev and prod as Developers (AWS's PowerUserAccess, but no changes in prod); the platform group
# administers both as Admin (AdministratorAccess). The SCPs bind the roles IAM Identity Center
# creates for them like any other role of the accounts.
data "aws_ssoadmin_instances" "this" {}

locals {
  sso_instance_arn  = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  identity_store_id = tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]
  workload_accounts = {
    dev  = aws_organizations_account.dev.id
    prod = aws_organizations_account.prod.id
  }
}

data "aws_identitystore_group" "developers" {
  identity_store_id = local.identity_store_id
  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = "developers"
    }
  }
}

data "aws_identitystore_group" "platform" {
  identity_store_id = local.identity_store_id
  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = "platform"
    }
  }
}

resource "aws_ssoadmin_permission_set" "developers" {
  name             = "Developers"
  instance_arn     = local.sso_instance_arn
  session_duration = "PT8H"
}

resource "aws_ssoadmin_managed_policy_attachment" "developers" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_ssoadmin_permission_set_inline_policy" "developers" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  inline_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "NoDeploysInProd"
      Effect    = "Deny"
      Action    = ["cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack", "lambda:UpdateFunctionCode", "s3:PutObject", "s3:DeleteObject"]
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalAccount" = "111111111111" } }
    }]
  })
}

resource "aws_ssoadmin_account_assignment" "developers" {
  for_each           = local.workload_accounts
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = data.aws_identitystore_group.developers.group_id
  principal_type     = "GROUP"
  target_id          = each.value
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_permission_set" "admin" {
  name             = "Admin"
  instance_arn     = local.sso_instance_arn
  session_duration = "PT1H"
}

resource "aws_ssoadmin_managed_policy_attachment" "admin" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_ssoadmin_account_assignment" "admin" {
  for_each           = local.workload_accounts
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin.arn
  principal_id       = data.aws_identitystore_group.platform.group_id
  principal_type     = "GROUP"
  target_id          = each.value
  target_type        = "AWS_ACCOUNT"
}
