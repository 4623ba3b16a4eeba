# A user whose policy names a bucket through a variable without a default: the load lists it once
# per run; only a decision that depends on it fails.
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
