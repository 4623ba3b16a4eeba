resource "aws_organizations_policy" "deny_ct" {
  name = "deny-cloudtrail-stop"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Sid = "DenyStop", Effect = "Deny", Action = "cloudtrail:StopLogging", Resource = "*" }]
  })
}
resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.deny_ct.id
  target_id = "r-abcd"
}
resource "aws_iam_user" "admin" { name = "admin" }
resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
