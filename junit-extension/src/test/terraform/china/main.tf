# An account in the China (Beijing) Region: its ARNs are in partition aws-cn.
provider "aws" {
  region = "cn-north-1"
}

data "aws_partition" "current" {}

resource "aws_iam_user" "analyst" {
  name = "analyst"
}

resource "aws_iam_user_policy" "analyst" {
  user = aws_iam_user.analyst.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadData"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:${data.aws_partition.current.partition}:s3:::data/*"
      },
      {
        Sid      = "ListBucketsInChina"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-cn:s3:::*"
      },
      {
        Sid      = "WrittenForAws"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::legacy/*"
      }
    ]
  })
}
