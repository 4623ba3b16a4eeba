# The head lets reader read a bucket whose name is a variable without a default.
variable "bucket" {
  type = string
}

resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_policy" "read" {
  name = "read"
  user = aws_iam_user.reader.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Read", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${var.bucket}/*" }]
  })
}
