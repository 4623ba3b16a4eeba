# Generated unit for the Terraform oracle: optional() attributes with and without defaults,
# count and for_each over maps and sets, and roles without a name.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "services" {
  type = map(object({
    actions   = list(string)
    resources = optional(list(string), ["*"])
    effect    = optional(string, "Allow")
    path      = optional(string)
    settings = optional(object({
      boundary = optional(bool, false)
      tags     = optional(map(string), {})
    }), {})
  }))
  default = {
    queue = {
      actions   = ["sqs:SendMessage"]
      resources = ["arn:aws:sqs:us-east-1:123456789012:orders"]
    }
    logs = {
      actions  = ["logs:PutLogEvents"]
      path     = "/service/"
      settings = { boundary = true }
    }
    deny = {
      actions = ["iam:*"]
      effect  = "Deny"
    }
  }
}

variable "enable_audit" {
  type    = bool
  default = true
}

variable "operators" {
  type    = set(string)
  default = ["alice", "bob"]
}

resource "aws_iam_policy" "boundary" {
  name = "service-boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:*", "logs:*"], Resource = "*" }]
  })
}

resource "aws_iam_role" "service" {
  for_each = var.services
  name     = "svc-${each.key}"
  path     = coalesce(each.value.path, "/")
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  permissions_boundary = each.value.settings.boundary ? aws_iam_policy.boundary.arn : null
  tags                 = each.value.settings.tags
}

resource "aws_iam_role_policy" "service" {
  for_each = var.services
  name     = "${each.key}-policy"
  role     = aws_iam_role.service[each.key].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = each.value.effect
      Action   = each.value.actions
      Resource = each.value.resources
    }]
  })
}

resource "aws_iam_user" "operator" {
  for_each = var.operators
  name     = each.value
}

resource "aws_iam_user" "auditor" {
  count = var.enable_audit ? 2 : 0
  name  = "auditor-${count.index}"
}

resource "aws_iam_user_policy_attachment" "auditor" {
  count      = length(aws_iam_user.auditor)
  user       = aws_iam_user.auditor[count.index].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group" "operators" {
  name = "operators"
}

resource "aws_iam_group_membership" "operators" {
  name  = "operators"
  group = aws_iam_group.operators.name
  users = [for u in aws_iam_user.operator : u.name]
}

resource "aws_iam_group_policy" "operators" {
  name  = "operate"
  group = aws_iam_group.operators.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ec2:RebootInstances", Resource = "*" }]
  })
}

# A role Terraform names (name_prefix) and one AWS names (no name at all): their attachments and
# inline policies must still reach them.
resource "aws_iam_role" "prefixed" {
  name_prefix = "worker-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "prefixed" {
  role       = aws_iam_role.prefixed.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role" "unnamed" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "unnamed" {
  name = "tasks"
  role = aws_iam_role.unnamed.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }]
  })
}
