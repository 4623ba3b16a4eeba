# A root module whose modules come from a registry and from git, installed by terraform init
# (.terraform/modules, written by hand in the layout Terraform 1.11 writes: see README.md here).

module "deployer" {
  source  = "example-org/iam-role/aws"
  version = "~> 1.2"

  name         = "deployer"
  trusted_arns = ["arn:aws:iam::210987654321:root"]
}

module "reports" {
  source = "git::https://git.example.com/platform/bucket.git?ref=v2.0.0"

  bucket     = "example-reports"
  reader_arn = module.deployer.arn
}
