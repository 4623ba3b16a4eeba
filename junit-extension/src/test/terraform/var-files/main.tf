# Variable files and the workspace choose the bucket the deployer may write to.
variable "bucket" {
  type = string
}

resource "aws_iam_user" "deployer" {
  name = "deployer"
}

resource "aws_iam_user_policy" "deployer" {
  name = "deployer"
  user = aws_iam_user.deployer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Deploy"
      Effect   = "Allow"
      Action   = "s3:PutObject"
      Resource = "arn:aws:s3:::${var.bucket}-${terraform.workspace}/*"
    }]
  })
}
