resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "office" {
  name = "Office"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ReadFromTheOffice"
        Effect    = "Allow"
        Action    = ["s3:GetObject"]
        Resource  = "arn:aws:s3:::reports/*"
        Condition = { IpAddress = { "aws:SourceIp" = "10.20.0.0/15" } }
      }
    ]
  })
}
