# One module, instantiated once per account through provider aliases: the same statements in prod and dev.
provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "prod"
  region = "us-east-1"
  assume_role { role_arn = "arn:aws:iam::111111111111:role/terraform" }
}
provider "aws" {
  alias  = "dev"
  region = "us-east-1"
  assume_role { role_arn = "arn:aws:iam::222222222222:role/terraform" }
}

module "prod" {
  source    = "./modules/reader"
  providers = { aws = aws.prod }
}

module "dev" {
  source    = "./modules/reader"
  providers = { aws = aws.dev }
}

# Declared once, in prod only: keyed as it always was.
resource "aws_iam_role_policy" "prod_only" {
  provider = aws.prod
  role     = module.prod.role_name
  name     = "prod-only"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "DescribeInstances", Effect = "Allow", Action = "ec2:DescribeInstances", Resource = "*" }]
  })
}
