# Generated unit for the Terraform oracle: functions, for expressions, heredocs, templatefile,
# dynamic blocks and source/override documents in aws_iam_policy_document.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "team" {
  type    = string
  default = "Payments"
}

variable "buckets" {
  type    = list(string)
  default = ["invoices", "receipts", "invoices"]
}

variable "readers" {
  type = map(list(string))
  default = {
    analytics = ["arn:aws:iam::111122223333:root"]
    audit     = ["arn:aws:iam::444455556666:role/auditor", "arn:aws:iam::444455556666:role/backup"]
  }
}

locals {
  prefix      = lower(replace(var.team, " ", "-"))
  bucket_arns = [for b in distinct(var.buckets) : "arn:aws:s3:::${local.prefix}-${b}"]
  object_arns = formatlist("%s/*", local.bucket_arns)
  tags        = merge({ team = var.team }, { cost_center = format("cc-%04d", 42) })
  regions     = sort(toset(["eu-west-1", "us-east-1", "eu-west-1"]))
  actions     = flatten([["s3:GetObject"], ["s3:ListBucket", "s3:GetObjectVersion"]])
  admin_name  = join("-", [local.prefix, "admin", try(var.readers["missing"][0], "fallback")])
  key_arn     = coalesce("", "arn:aws:kms:us-east-1:123456789012:key/0000aaaa-bb11-cc22-dd33-eeeeeeee4444")
  statements = {
    Read  = { actions = ["s3:GetObject"], resources = local.object_arns }
    List  = { actions = ["s3:ListBucket"], resources = local.bucket_arns }
  }
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "DenyOutsideRegions"
    effect    = "Deny"
    not_actions = ["iam:*", "sts:*"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = local.regions
    }
  }
}

data "aws_iam_policy_document" "data_access" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  dynamic "statement" {
    for_each = local.statements
    content {
      sid       = statement.key
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  statement {
    sid       = "Kms"
    actions   = ["kms:Decrypt"]
    resources = [local.key_arn]
    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["s3.${element(local.regions, 0)}.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "override" {
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket", "s3:ListBucketVersions"]
    resources = local.bucket_arns
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.data_access.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]
}

data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.readers
    content {
      sid     = "Trust${title(statement.key)}"
      actions = ["sts:AssumeRole"]
      principals {
        type        = "AWS"
        identifiers = statement.value
      }
      dynamic "condition" {
        for_each = length(statement.value) > 1 ? [1] : []
        content {
          test     = "Bool"
          variable = "aws:MultiFactorAuthPresent"
          values   = ["true"]
        }
      }
    }
  }
}

resource "aws_iam_role" "reader" {
  name               = "${local.prefix}-reader"
  path               = "/teams/${local.prefix}/"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "reader" {
  name   = "data-access"
  role   = aws_iam_role.reader.id
  policy = data.aws_iam_policy_document.merged.json
}

resource "aws_iam_user" "admin" {
  name = local.admin_name
}

resource "aws_iam_user_policy" "heredoc" {
  name   = "heredoc"
  user   = aws_iam_user.admin.name
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "Self",
          "Effect": "Allow",
          "Action": ["iam:GetUser", "iam:ListAccessKeys"],
          "Resource": "arn:aws:iam::123456789012:user/$${aws:username}"
        },
        {
          "Effect": "Allow",
          "Action": ${jsonencode(local.actions)},
          "Resource": ${jsonencode(concat(local.bucket_arns, local.object_arns))}
        }
      ]
    }
  EOT
}

resource "aws_iam_user_policy" "templated" {
  name = "templated"
  user = aws_iam_user.admin.name
  policy = templatefile("${path.module}/policy.json.tftpl", {
    buckets = local.bucket_arns
    team    = upper(var.team)
  })
}

resource "aws_iam_user_policy" "jsonencoded" {
  name = "jsonencoded"
  user = aws_iam_user.admin.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for i, arn in local.bucket_arns : {
      Sid      = "Bucket${i}"
      Effect   = i == 0 ? "Allow" : "Deny"
      Action   = ["s3:PutObject"]
      Resource = "${arn}/${substr(var.team, 0, 3)}/*"
      Condition = {
        StringEquals = { "aws:PrincipalTag/team" = lookup(local.tags, "team", "none") }
      }
    }]
  })
}
