# IAM Identity Center: two permission sets, assigned to prod (111111111111) and dev (222222222222).
data "aws_ssoadmin_instances" "this" {}

locals {
  instance_arn      = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  identity_store_id = tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]
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

resource "aws_ssoadmin_permission_set" "developers" {
  name             = "Developers"
  instance_arn     = local.instance_arn
  session_duration = "PT8H"
}

resource "aws_ssoadmin_permission_set_inline_policy" "developers" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  inline_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadAppData"
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::app-data/*"
    }]
  })
}

resource "aws_ssoadmin_managed_policy_attachment" "developers_ec2" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"
}

resource "aws_iam_policy" "deploy" {
  name = "deploy-functions"
  path = "/teams/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "DeployFunctions"
      Effect   = "Allow"
      Action   = ["lambda:UpdateFunctionCode"]
      Resource = "*"
    }]
  })
}

resource "aws_ssoadmin_customer_managed_policy_attachment" "developers_deploy" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  customer_managed_policy_reference {
    name = aws_iam_policy.deploy.name
    path = "/teams/"
  }
}

# The boundary lets the developers' roles use S3 and Lambda only.
resource "aws_iam_policy" "boundary" {
  name = "developer-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "S3AndLambdaOnly"
      Effect   = "Allow"
      Action   = ["s3:*", "lambda:*"]
      Resource = "*"
    }]
  })
}

resource "aws_ssoadmin_permissions_boundary_attachment" "developers" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  permissions_boundary {
    customer_managed_policy_reference {
      name = aws_iam_policy.boundary.name
    }
  }
}

resource "aws_ssoadmin_account_assignment" "developers_prod" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = data.aws_identitystore_group.developers.group_id
  principal_type     = "GROUP"
  target_id          = "111111111111"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_account_assignment" "developers_dev" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = data.aws_identitystore_group.developers.group_id
  principal_type     = "GROUP"
  target_id          = "222222222222"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_permission_set" "auditors" {
  name         = "Auditors"
  instance_arn = local.instance_arn
}

resource "aws_ssoadmin_managed_policy_attachment" "auditors" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.auditors.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}

resource "aws_ssoadmin_account_assignment" "auditor_dev" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.auditors.arn
  principal_id       = "94482488-3041-7026-18f3-be45837cd0e4"
  principal_type     = "USER"
  target_id          = "222222222222"
  target_type        = "AWS_ACCOUNT"
}

# A person with an IAM user in prod, who must not be able to take the developers' role.
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice" {
  name = "assume-anything"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}
