output "policy_arn" {
  value = aws_iam_policy.force_mfa.arn
}
