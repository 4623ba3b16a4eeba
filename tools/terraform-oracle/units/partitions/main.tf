# Generated unit for the Terraform oracle: provider aliases in the China and GovCloud Regions, each
# assuming a role in an account of that partition; data.aws_partition per provider (partition, dns_suffix), and
# the ARNs of the roles, policies and bucket policies created through them.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "china"
  region = "cn-north-1"
  assume_role {
    role_arn = "arn:aws-cn:iam::999999999999:role/terraform"
  }
}

provider "aws" {
  alias  = "gov"
  region = "us-gov-west-1"
  assume_role {
    role_arn = "arn:aws-us-gov:iam::888888888888:role/terraform"
  }
}

data "aws_partition" "current" {}

data "aws_partition" "china" {
  provider = aws.china
}

data "aws_partition" "gov" {
  provider = aws.gov
}

data "aws_caller_identity" "china" {
  provider = aws.china
}

data "aws_caller_identity" "gov" {
  provider = aws.gov
}

resource "aws_iam_role" "china_reader" {
  provider = aws.china
  name     = "china-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.${data.aws_partition.china.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "china_reader" {
  provider = aws.china
  name     = "read"
  role     = aws_iam_role.china_reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Data"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:${data.aws_partition.china.partition}:s3:::china-data/*"
      },
      {
        Sid      = "Partitions"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = ["arn:${data.aws_partition.current.partition}:s3:::home", "arn:${data.aws_partition.gov.partition}:s3:::gov",
        "arn:${data.aws_partition.china.partition}:s3:::${data.aws_partition.china.reverse_dns_prefix}"]
      }
    ]
  })
}

resource "aws_iam_policy" "china_logs" {
  provider = aws.china
  name     = "logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "logs:PutLogEvents"
      Resource = "arn:${data.aws_partition.china.partition}:logs:cn-north-1:${data.aws_caller_identity.china.account_id}:log-group:app:*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "china_logs" {
  provider   = aws.china
  role       = aws_iam_role.china_reader.name
  policy_arn = aws_iam_policy.china_logs.arn
}

resource "aws_s3_bucket_policy" "china_data" {
  provider = aws.china
  bucket   = "china-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.china_reader.arn }
      Action    = "s3:GetObject"
      Resource  = "arn:${data.aws_partition.china.partition}:s3:::china-data/*"
    }]
  })
}

resource "aws_iam_user" "gov_ci" {
  provider = aws.gov
  name     = "gov-ci"
}

resource "aws_iam_user_policy" "gov_ci" {
  provider = aws.gov
  name     = "deploy"
  user     = aws_iam_user.gov_ci.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "lambda:UpdateFunctionCode"
      Resource = "arn:${data.aws_partition.gov.partition}:lambda:us-gov-west-1:${data.aws_caller_identity.gov.account_id}:function:app"
    }]
  })
}
