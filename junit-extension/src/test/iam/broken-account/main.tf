# A user whose policy AWS would reject ("Actions" for "Action").
resource "aws_iam_user" "mfa_user" {
  name = "MFAUser"
}

resource "aws_iam_user_policy" "broken" {
  name   = "broken-policy"
  user   = aws_iam_user.mfa_user.name
  policy = file("${path.module}/../broken-policy.json")
}
