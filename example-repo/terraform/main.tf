data "aws_caller_identity" "current" {}

# Seed 003: the Force_MFA tutorial group.
module "force_mfa" {
  source     = "./modules/force-mfa-group"
  group_name = var.mfa_group_name
  users      = var.mfa_users
}

# Seed 000: users who self-manage an MFA device from the CLI or API.
module "mfa_self_service" {
  source = "./modules/mfa-self-service"
  users  = var.self_service_users
}

# Seed 002: "Create one or more groups with your web users" with IAMUsersMFAManagement and
# AmazonEC2FullAccess attached.
resource "aws_iam_group" "ec2web" {
  name = "ec2webgroup"
}

resource "aws_iam_user" "web" {
  for_each = var.web_users
  name     = each.key
}

resource "aws_iam_group_membership" "ec2web" {
  name  = "ec2webgroup-members"
  group = aws_iam_group.ec2web.name
  users = [for user in aws_iam_user.web : user.name]
}

resource "aws_iam_policy" "users_mfa_management" {
  name        = "IAMUsersMFAManagement"
  description = "Manage your own MFA; nothing else until you sign in with it (seed 002)."
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowBasicIamWithoutMfa"
        Effect   = "Allow"
        Action   = ["iam:ListUsers", "iam:ListVirtualMFADevices", "iam:GetAccountPasswordPolicy", "iam:GetAccountSummary"]
        Resource = "*"
      },
      {
        Sid      = "AllowOwnMfaSetup"
        Effect   = "Allow"
        Action   = ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"]
        Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:mfa/$${aws:username}"
      },
      {
        Sid      = "AllowOwnMfaManagement"
        Effect   = "Allow"
        Action   = ["iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices", "iam:GetUser"]
        Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/$${aws:username}"
      },
      {
        Sid       = "DenyEverythingElseWithoutMfa"
        Effect    = "Deny"
        NotAction = ["iam:*"]
        Resource  = "*"
        Condition = {
          BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }
        }
      }
    ]
  })
}

resource "aws_iam_group_policy_attachment" "ec2web_mfa" {
  group      = aws_iam_group.ec2web.name
  policy_arn = aws_iam_policy.users_mfa_management.arn
}

resource "aws_iam_group_policy_attachment" "ec2web_ec2" {
  group      = aws_iam_group.ec2web.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2FullAccess"
}
