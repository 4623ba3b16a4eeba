resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "reports" {
  name = "Reports"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadReports"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::reports/*"
      }
    ]
  })
}
