# Seed 000, "IAM: Allows IAM users to self-manage an MFA device": the same policy written as a
# policy document, the way most Terraform code builds policies.
data "aws_iam_policy_document" "self_manage_mfa" {
  statement {
    sid       = "AllowListActions"
    actions   = ["iam:ListUsers", "iam:ListVirtualMFADevices"]
    resources = ["*"]
  }

  statement {
    sid       = "AllowUserToCreateVirtualMFADevice"
    actions   = ["iam:CreateVirtualMFADevice"]
    resources = ["arn:aws:iam::*:mfa/*"]
  }

  statement {
    sid       = "AllowUserToManageTheirOwnMFA"
    actions   = ["iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]
  }

  statement {
    sid       = "AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA"
    actions   = ["iam:DeactivateMFADevice"]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }

  statement {
    sid    = "BlockMostAccessUnlessSignedInWithMFA"
    effect = "Deny"
    not_actions = [
      "iam:CreateVirtualMFADevice",
      "iam:EnableMFADevice",
      "iam:ListMFADevices",
      "iam:ListUsers",
      "iam:ListVirtualMFADevices",
      "iam:ResyncMFADevice",
    ]
    resources = ["*"]

    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "self_manage_mfa" {
  name   = "SelfManageMFA"
  policy = data.aws_iam_policy_document.self_manage_mfa.json
}

resource "aws_iam_group" "this" {
  name = var.group_name
}

resource "aws_iam_group_policy_attachment" "self_manage_mfa" {
  group      = aws_iam_group.this.name
  policy_arn = aws_iam_policy.self_manage_mfa.arn
}

resource "aws_iam_user" "this" {
  for_each = toset(var.users)
  name     = each.value
}

resource "aws_iam_user_group_membership" "this" {
  for_each = aws_iam_user.this
  user     = each.value.name
  groups   = [aws_iam_group.this.name]
}
