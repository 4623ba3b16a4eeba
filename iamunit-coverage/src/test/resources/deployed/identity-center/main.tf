# One permission set, assigned to prod (111111111111) and dev (222222222222): IAM Identity Center
# provisions a role of it in each.
data "aws_ssoadmin_instances" "this" {}

resource "aws_ssoadmin_permission_set" "developers" {
  name         = "Developers"
  instance_arn = tolist(data.aws_ssoadmin_instances.this.arns)[0]
}

resource "aws_ssoadmin_permission_set_inline_policy" "developers" {
  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  inline_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "ReadAppData", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::app-data/*" }]
  })
}

resource "aws_ssoadmin_account_assignment" "prod" {
  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = "94482488-3041-7026-18f3-be45837cd0e4"
  principal_type     = "USER"
  target_id          = "111111111111"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_account_assignment" "dev" {
  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = "94482488-3041-7026-18f3-be45837cd0e4"
  principal_type     = "USER"
  target_id          = "222222222222"
  target_type        = "AWS_ACCOUNT"
}
