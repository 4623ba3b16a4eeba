resource "aws_iam_role" "reader" {
  name = "reader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "read" {
  role = aws_iam_role.reader.name
  name = "read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "ReadBuckets", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}

output "role_name" {
  value = aws_iam_role.reader.name
}
