# A copy of terraform/modules/force-mfa-group with plain Bool in place of BoolIfExists:
# what the seeds warn against, kept only to show what it would let through.
resource "aws_iam_policy" "force_mfa" {
  name        = "Force_MFA"
  description = "This policy allows users to manage their own passwords and MFA devices but nothing else unless they authenticate with MFA."
  policy      = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "AllowAllUsersToListAccounts",
          "Effect": "Allow",
          "Action": [
            "iam:ListAccountAliases",
            "iam:ListUsers",
            "iam:ListVirtualMFADevices",
            "iam:GetAccountPasswordPolicy",
            "iam:GetAccountSummary"
          ],
          "Resource": "*"
        },
        {
          "Sid": "AllowIndividualUserToSeeAndManageOnlyTheirOwnAccountInformation",
          "Effect": "Allow",
          "Action": [
            "iam:ChangePassword",
            "iam:CreateAccessKey",
            "iam:CreateLoginProfile",
            "iam:DeleteAccessKey",
            "iam:DeleteLoginProfile",
            "iam:GetLoginProfile",
            "iam:ListAccessKeys",
            "iam:UpdateAccessKey",
            "iam:UpdateLoginProfile",
            "iam:ListSigningCertificates",
            "iam:DeleteSigningCertificate",
            "iam:UpdateSigningCertificate",
            "iam:UploadSigningCertificate",
            "iam:ListSSHPublicKeys",
            "iam:GetSSHPublicKey",
            "iam:DeleteSSHPublicKey",
            "iam:UpdateSSHPublicKey",
            "iam:UploadSSHPublicKey"
          ],
          "Resource": "arn:aws:iam::*:user/$${aws:username}"
        },
        {
          "Sid": "AllowIndividualUserToListOnlyTheirOwnMFA",
          "Effect": "Allow",
          "Action": [
            "iam:ListMFADevices"
          ],
          "Resource": [
            "arn:aws:iam::*:mfa/*",
            "arn:aws:iam::*:user/$${aws:username}"
          ]
        },
        {
          "Sid": "AllowIndividualUserToManageTheirOwnMFA",
          "Effect": "Allow",
          "Action": [
            "iam:CreateVirtualMFADevice",
            "iam:DeleteVirtualMFADevice",
            "iam:EnableMFADevice",
            "iam:ResyncMFADevice"
          ],
          "Resource": [
            "arn:aws:iam::*:mfa/$${aws:username}",
            "arn:aws:iam::*:user/$${aws:username}"
          ]
        },
        {
          "Sid": "AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA",
          "Effect": "Allow",
          "Action": [
            "iam:DeactivateMFADevice"
          ],
          "Resource": [
            "arn:aws:iam::*:mfa/$${aws:username}",
            "arn:aws:iam::*:user/$${aws:username}"
          ],
          "Condition": {
            "Bool": {
              "aws:MultiFactorAuthPresent": "true"
            }
          }
        },
        {
          "Sid": "BlockMostAccessUnlessSignedInWithMFA",
          "Effect": "Deny",
          "NotAction": [
            "iam:CreateVirtualMFADevice",
            "iam:ListVirtualMFADevices",
            "iam:EnableMFADevice",
            "iam:ResyncMFADevice",
            "iam:ListAccountAliases",
            "iam:ListUsers",
            "iam:ListSSHPublicKeys",
            "iam:ListAccessKeys",
            "iam:ListServiceSpecificCredentials",
            "iam:ListMFADevices",
            "iam:GetAccountSummary",
            "sts:GetSessionToken"
          ],
          "Resource": "*",
          "Condition": {
            "Bool": {
              "aws:MultiFactorAuthPresent": "false"
            }
          }
        }
      ]
    }
  POLICY
}

resource "aws_iam_group" "this" {
  name = var.group_name
}

resource "aws_iam_group_policy_attachment" "force_mfa" {
  group      = aws_iam_group.this.name
  policy_arn = aws_iam_policy.force_mfa.arn
}

resource "aws_iam_group_policy_attachment" "ec2_full_access" {
  group      = aws_iam_group.this.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2FullAccess"
}

resource "aws_iam_user" "this" {
  count = length(var.users)
  name  = var.users[count.index]
}

resource "aws_iam_user_group_membership" "this" {
  count  = length(var.users)
  user   = aws_iam_user.this[count.index].name
  groups = [aws_iam_group.this.name]
}
