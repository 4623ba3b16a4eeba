# An analyst who may read objects only from the office network (10.20.0.0/16): with the scenario's
# default context no request of it is allowed, so only a search of every context region finds it.
resource "aws_iam_user" "analyst" {
  name = "Analyst"
}

resource "aws_iam_user_policy" "office_reads" {
  name   = "office-reads"
  user   = aws_iam_user.analyst.name
  policy = file("${path.module}/../office-reads.json")
}
