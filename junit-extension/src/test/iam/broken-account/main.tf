# A user whose policy AWS would reject ("Actions" for "Action"), and a user it does not concern.
resource "aws_iam_user" "mfa_user" {
  name = "MFAUser"
}

resource "aws_iam_user_policy" "broken" {
  name   = "broken-policy"
  user   = aws_iam_user.mfa_user.name
  policy = file("${path.module}/../broken-policy.json")
}

resource "aws_iam_user" "auditor" {
  name = "Auditor"
}

resource "aws_iam_user_policy" "audit" {
  name = "audit"
  user = aws_iam_user.auditor.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "DescribeEc2", Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }]
  })
}
