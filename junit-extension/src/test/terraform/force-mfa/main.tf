# Seed 003's group EC2MFA in Terraform, with Force_MFA read from the JSON fixture.
resource "aws_iam_policy" "force_mfa" {
  name   = "Force_MFA"
  policy = file("${path.module}/../../iam/force-mfa.json")
}

resource "aws_iam_group" "ec2mfa" {
  name = "EC2MFA"
}

resource "aws_iam_group_policy_attachment" "force_mfa" {
  group      = aws_iam_group.ec2mfa.name
  policy_arn = aws_iam_policy.force_mfa.arn
}

resource "aws_iam_group_policy_attachment" "ec2_full_access" {
  group      = aws_iam_group.ec2mfa.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2FullAccess"
}

resource "aws_iam_user" "mfa_user" {
  name = "MFAUser"
}

resource "aws_iam_user_group_membership" "mfa_user" {
  user   = aws_iam_user.mfa_user.name
  groups = [aws_iam_group.ec2mfa.name]
}
