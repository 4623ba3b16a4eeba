# The extension tests' account: seed 003's force-MFA group, a second user, and a role an operator
# may assume, each policy read from the JSON documents beside this folder.
resource "aws_iam_group" "ec2mfa" {
  name = "EC2MFA"
}

resource "aws_iam_group_policy" "force_mfa" {
  name   = "force-mfa"
  group  = aws_iam_group.ec2mfa.name
  policy = file("${path.module}/../force-mfa.json")
}

resource "aws_iam_group_policy" "ec2_full_access" {
  name   = "ec2-full-access"
  group  = aws_iam_group.ec2mfa.name
  policy = file("${path.module}/../ec2-full-access.json")
}

resource "aws_iam_user" "mfa_user" {
  name = "MFAUser"
}

resource "aws_iam_user" "other_user" {
  name = "OtherUser"
}

resource "aws_iam_user_group_membership" "mfa_user" {
  user   = aws_iam_user.mfa_user.name
  groups = [aws_iam_group.ec2mfa.name]
}

resource "aws_iam_user_group_membership" "other_user" {
  user   = aws_iam_user.other_user.name
  groups = [aws_iam_group.ec2mfa.name]
}

resource "aws_iam_user" "operator" {
  name = "Operator"
  tags = { team = "blue" }
}

resource "aws_iam_user_policy" "assume_deployer" {
  name   = "assume-deployer"
  user   = aws_iam_user.operator.name
  policy = file("${path.module}/../assume-deployer.json")
}

resource "aws_iam_role" "deployer" {
  name               = "Deployer"
  assume_role_policy = file("${path.module}/../deployer-trust.json")
}

resource "aws_iam_role_policy" "ec2_full_access" {
  name   = "ec2-full-access"
  role   = aws_iam_role.deployer.name
  policy = file("${path.module}/../ec2-full-access.json")
}
