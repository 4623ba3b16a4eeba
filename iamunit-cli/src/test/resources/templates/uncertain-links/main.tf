# Links made by resources whose count depends on variables no test gives: show marks each.
variable "enable_audit" {
  type = bool
}

variable "enable_auditor" {
  type = bool
}

resource "aws_iam_user" "auditor" {
  count = var.enable_auditor ? 1 : 0
  name  = "auditor"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_group" "audit" {
  name = "audit"
}

resource "aws_iam_group" "dev" {
  name = "dev"
}

resource "aws_iam_user_group_membership" "alice" {
  count  = var.enable_audit ? 1 : 0
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.audit.name]
}

resource "aws_iam_user_group_membership" "alice_dev" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.dev.name]
}

resource "aws_iam_policy" "audit" {
  name   = "audit"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "cloudtrail:LookupEvents", Resource = "*" }] })
}

resource "aws_iam_user_policy_attachment" "alice" {
  count      = var.enable_audit ? 1 : 0
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.audit.arn
}
