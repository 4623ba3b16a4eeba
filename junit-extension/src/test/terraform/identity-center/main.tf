# Developers may read the app's data and deploy its functions in prod (111111111111); Auditors
# are assigned in dev (222222222222) only.
resource "aws_ssoadmin_permission_set" "developers" {
  name         = "Developers"
  instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
}

resource "aws_ssoadmin_permission_set_inline_policy" "developers" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  inline_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadAppData"
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::app-data/*"
    }]
  })
}

resource "aws_ssoadmin_account_assignment" "developers_prod" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = aws_ssoadmin_permission_set.developers.arn
  principal_id       = "g-developers"
  principal_type     = "GROUP"
  target_id          = "111111111111"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_ssoadmin_permission_set" "auditors" {
  name         = "Auditors"
  instance_arn = "arn:aws:sso:::instance/ssoins-1111111111111111"
}

resource "aws_ssoadmin_account_assignment" "auditors_dev" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = aws_ssoadmin_permission_set.auditors.arn
  principal_id       = "g-auditors"
  principal_type     = "GROUP"
  target_id          = "222222222222"
  target_type        = "AWS_ACCOUNT"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice" {
  name = "assume-anything"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}
