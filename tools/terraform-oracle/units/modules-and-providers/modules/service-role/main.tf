variable "name" {
  type = string
}

variable "service" {
  type = string
}

data "aws_region" "here" {}

data "aws_caller_identity" "here" {}

resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = var.service }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "logs" {
  name = "logs"
  role = aws_iam_role.this.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "arn:aws:logs:${data.aws_region.here.name}:${data.aws_caller_identity.here.account_id}:log-group:/${var.name}:*"
    }]
  })
}

output "role_name" {
  value = aws_iam_role.this.name
}
