# The role-chain tests' account (scenario.assume): a developer who may assume roles, an intern who
# may not, and roles whose trust policies ask for what AssumeRole can carry: session tags, an
# external id, a source identity.
locals {
  account = "123456789012"
  roles   = "arn:aws:iam::123456789012:role/*"
}

resource "aws_iam_user" "developer" {
  name = "developer"
  tags = { team = "blue" }
}

resource "aws_iam_user_policy" "developer" {
  name = "assume-roles"
  user = aws_iam_user.developer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "AssumeRolesWithTagsAndSourceIdentity"
      Effect   = "Allow"
      Action   = ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]
      Resource = local.roles
    }]
  })
}

resource "aws_iam_user" "intern" {
  name = "intern"
}

# The first hop of every chain: trusts the account, tags and source identity included.
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustTheAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account}:root" }
      Action    = ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "HopOn"
        Effect   = "Allow"
        Action   = ["sts:AssumeRole", "sts:SetSourceIdentity"]
        Resource = local.roles
      },
      {
        Sid      = "ReadArtifacts"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::artifacts/*"
      }
    ]
  })
}

# Only sessions tagged team=ops may read the logs as ops.
resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustTheAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "ops" {
  name = "ops"
  role = aws_iam_role.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OpsReadLogs"
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::logs/*"
      Condition = { StringEquals = { "aws:PrincipalTag/team" = "ops" } }
    }]
  })
}

# Only a session a person's source identity reaches may read the logs as audit.
resource "aws_iam_role" "audit" {
  name = "audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrustTheAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account}:root" }
      Action    = ["sts:AssumeRole", "sts:SetSourceIdentity"]
    }]
  })
}

resource "aws_iam_role_policy" "audit" {
  name = "audit"
  role = aws_iam_role.audit.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PeopleReadLogs"
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::logs/*"
      Condition = { Null = { "aws:SourceIdentity" = "false" } }
    }]
  })
}

resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "VendorWithExternalId"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account}:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "x-123" } }
    }]
  })
}

resource "aws_iam_role" "locked" {
  name = "locked"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "TrustTheAccount"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account}:root" }
        Action    = "sts:AssumeRole"
      },
      {
        Sid       = "NoDevelopers"
        Effect    = "Deny"
        Principal = { AWS = aws_iam_user.developer.arn }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}
