# prod's own root module: nothing in it says which account it deploys to; the test's accountFolders does.
resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "deployer" {
  role = aws_iam_role.deployer.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Operate", Effect = "Allow", Action = ["cloudtrail:StopLogging", "s3:GetObject"], Resource = "*" }]
  })
}
