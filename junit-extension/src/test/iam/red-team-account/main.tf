# The account of SpaceAssertionsRedTeamTests: one user per way a policy grants access that a
# request on each action's default resource, with the scenario's own context, does not show.

# s3 only under one prefix of one bucket.
resource "aws_iam_user" "prefix_reader" {
  name = "PrefixReader"
}

resource "aws_iam_user_policy" "prefix_reader" {
  name = "team-prefix"
  user = aws_iam_user.prefix_reader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TeamPrefixOnly"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::data/team-a/*"
    }]
  })
}

# Everything but IAM: services the policy never names.
resource "aws_iam_user" "not_iam" {
  name = "NotIam"
}

resource "aws_iam_user_policy" "not_iam" {
  name = "everything-but-iam"
  user = aws_iam_user.not_iam.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllButIam"
      Effect    = "Allow"
      NotAction = "iam:*"
      Resource  = "*"
    }]
  })
}

# Each user's own folder: the resource tied to the principal by a policy variable.
resource "aws_iam_user" "home" {
  name = "Home"
}

resource "aws_iam_user_policy" "home" {
  name = "own-folder"
  user = aws_iam_user.home.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "OwnFolder"
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::home/$${aws:username}/*"
    }]
  })
}

# Reads from 2099 on only: a date window the time the tests run is outside of.
resource "aws_iam_user" "later" {
  name = "Later"
}

resource "aws_iam_user_policy" "later" {
  name = "from-2099"
  user = aws_iam_user.later.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "From2099"
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "*"
      Condition = { DateGreaterThanEquals = { "aws:CurrentTime" = "2099-01-01T00:00:00Z" } }
    }]
  })
}

# Lists of at most 10 keys: a numeric limit that holds at the constant itself.
resource "aws_iam_user" "small_lists" {
  name = "SmallLists"
}

resource "aws_iam_user_policy" "small_lists" {
  name = "small-lists"
  user = aws_iam_user.small_lists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AtMostTenKeys"
      Effect    = "Allow"
      Action    = "s3:ListBucket"
      Resource  = "*"
      Condition = { NumericLessThanEquals = { "s3:max-keys" = "10" } }
    }]
  })
}

# Tags with the team key only: ForAllValues also holds for a request without tag keys.
resource "aws_iam_user" "team_tagger" {
  name = "TeamTagger"
}

resource "aws_iam_user_policy" "team_tagger" {
  name = "team-tags"
  user = aws_iam_user.team_tagger.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OnlyTheTeamTag"
      Effect    = "Allow"
      Action    = "ec2:CreateTags"
      Resource  = "*"
      Condition = { "ForAllValues:StringEquals" = { "aws:TagKeys" = "team" } }
    }]
  })
}

# No identity policy: a bucket policy grants the reads.
resource "aws_iam_user" "partner" {
  name = "Partner"
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared"
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnerReads"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:user/Partner" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::shared/*"
    }]
  })
}

# s3:* in its own policy, s3:GetObject in its permissions boundary.
resource "aws_iam_user" "bounded" {
  name                 = "Bounded"
  permissions_boundary = aws_iam_policy.reads_only.arn
}

resource "aws_iam_policy" "reads_only" {
  name = "ReadsOnly"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "BoundaryReads"
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "bounded" {
  name = "all-of-s3"
  user = aws_iam_user.bounded.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "AllOfS3"
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "*"
    }]
  })
}

# Nothing allowed, and a Deny over eight tag keys: more regions of aws:TagKeys than the
# complete space enumerates, so its requests are sampled.
resource "aws_iam_user" "many_tags" {
  name = "ManyTags"
}

resource "aws_iam_user_policy" "many_tags" {
  name = "many-tags"
  user = aws_iam_user.many_tags.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "NoneOfTheseTags"
      Effect    = "Deny"
      Action    = "ec2:CreateTags"
      Resource  = "*"
      Condition = { "ForAnyValue:StringEquals" = { "aws:TagKeys" = ["a", "b", "c", "d", "e", "f", "g", "h"] } }
    }]
  })
}

# Reads only when signed in with MFA: a credential kind, not a context key the search varies.
resource "aws_iam_user" "mfa_reader" {
  name = "MfaReader"
}

resource "aws_iam_user_policy" "mfa_reader" {
  name = "reads-with-mfa"
  user = aws_iam_user.mfa_reader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadsWithMfa"
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}
