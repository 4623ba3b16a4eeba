# An allow list of seven tag keys: aws:TagKeys has more regions than the complete space enumerates
# (2^8 sets), so ec2:CreateTags is decided over the sampled space. The base also denies the set {a, b}
# exactly, which the head drops: new access the sample (the empty set, each key alone, all together)
# never asks.
resource "aws_iam_user" "tagger" {
  name = "tagger"
}

resource "aws_iam_user_policy" "tags" {
  name = "tags"
  user = aws_iam_user.tagger.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TagWithKnownKeys"
      Effect   = "Allow"
      Action   = "ec2:CreateTags"
      Resource = "*"
      Condition = {
        "ForAllValues:StringEquals" = { "aws:TagKeys" = ["a","b","c","d","e","f","g"] }
      }
    }, {
      Sid      = "NotAAndBTogether"
      Effect   = "Deny"
      Action   = "ec2:CreateTags"
      Resource = "*"
      Condition = {
        "ForAllValues:StringEquals" = { "aws:TagKeys" = ["a","b"] }
        "ForAnyValue:StringLike" = { "aws:TagKeys" = ["a"] }
        "ForAnyValue:StringEquals" = { "aws:TagKeys" = ["b"] }
      }
    }]
  })
}
