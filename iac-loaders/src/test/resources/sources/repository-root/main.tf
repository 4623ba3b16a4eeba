resource "aws_iam_user" "deployer" {
  name = "deployer"
}

resource "aws_iam_user_policy" "deployer_reports" {
  name   = "reports"
  user   = aws_iam_user.deployer.name
  policy = file("${path.module}/policies/read-reports.json")
}
