resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "terminate" {
  name = "Terminate"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "TerminateWithMfa"
        Effect   = "Allow"
        Action   = ["ec2:TerminateInstances"]
        Resource = "*"
      }
    ]
  })
}
