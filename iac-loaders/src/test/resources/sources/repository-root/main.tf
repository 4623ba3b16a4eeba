resource "aws_iam_user" "deployer" {
  name = "deployer"
}

# policies/read-reports.json beside it is a document kept for reference, not a source of its own.
resource "aws_iam_user_policy" "deployer_reports" {
  name = "reports"
  user = aws_iam_user.deployer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadReports"
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::reports/*"
    }]
  })
}
