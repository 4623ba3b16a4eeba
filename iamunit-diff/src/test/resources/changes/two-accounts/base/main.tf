# Two accounts: the default provider's (123456789012) and prod, reached through an assumed role.
# Both declare a role named "deployer"; only prod's gains an action in head.
provider "aws" {}
provider "aws" {
  alias = "prod"
  assume_role { role_arn = "arn:aws:iam::111111111111:role/terraform" }
}

resource "aws_iam_role" "deployer" {
  name               = "deployer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
  inline_policy {
    name   = "deploy"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Deploy", Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:us-east-1:123456789012:function:api" }] })
  }
}

resource "aws_iam_role" "prod_deployer" {
  provider           = aws.prod
  name               = "deployer"
  assume_role_policy = aws_iam_role.deployer.assume_role_policy
  inline_policy {
    name   = "deploy"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Deploy", Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:us-east-1:111111111111:function:api" }] })
  }
}
