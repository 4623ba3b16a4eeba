resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "roles" {
  name = "Roles"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ListRoles"
        Effect   = "Allow"
        Action   = ["iam:ListRoles"]
        Resource = "*"
      }
    ]
  })
}
