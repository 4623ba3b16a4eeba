module "buckets" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "logs"
}

resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_policy" "read" {
  name = "read"
  user = aws_iam_user.reader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "${module.buckets.s3_bucket_arn}/*"
    }]
  })
}
