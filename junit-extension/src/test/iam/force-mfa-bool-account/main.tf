# The force-MFA group with the Bool that should be BoolIfExists (force-mfa-bool.json).
resource "aws_iam_group" "ec2mfa" {
  name = "EC2MFA"
}

resource "aws_iam_group_policy" "force_mfa" {
  name   = "force-mfa-bool"
  group  = aws_iam_group.ec2mfa.name
  policy = file("${path.module}/../force-mfa-bool.json")
}

resource "aws_iam_group_policy" "ec2_full_access" {
  name   = "ec2-full-access"
  group  = aws_iam_group.ec2mfa.name
  policy = file("${path.module}/../ec2-full-access.json")
}

resource "aws_iam_user" "mfa_user" {
  name = "MFAUser"
}

resource "aws_iam_user_group_membership" "mfa_user" {
  user   = aws_iam_user.mfa_user.name
  groups = [aws_iam_group.ec2mfa.name]
}
