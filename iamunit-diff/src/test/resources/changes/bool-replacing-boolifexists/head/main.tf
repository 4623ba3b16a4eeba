resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "mfa" {
  name = "RequireMfa"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowDescribe"
        Effect   = "Allow"
        Action   = ["ec2:DescribeInstances"]
        Resource = "*"
      },
      {
        Sid       = "DenyWithoutMfa"
        Effect    = "Deny"
        NotAction = ["iam:ListUsers"]
        Resource  = "*"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = "false" }
        }
      }
    ]
  })
}
