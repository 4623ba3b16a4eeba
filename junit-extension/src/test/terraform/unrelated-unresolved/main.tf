# Issue 20, "Loud, but only where it matters": the bucket policy names the user, so s3:GetObject
# is allowed whatever the identity statement with the unset var.bucket says.
variable "bucket" {
  type = string
}

resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_policy" "reader" {
  name = "reader"
  user = aws_iam_user.reader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadTheOtherBucket"
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "arn:aws:s3:::${var.bucket}/*"
    }]
  })
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReaderReads"
      Effect    = "Allow"
      Principal = { AWS = aws_iam_user.reader.arn }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.data.arn}/*"
    }]
  })
}
