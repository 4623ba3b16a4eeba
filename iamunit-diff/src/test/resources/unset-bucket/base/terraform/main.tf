resource "aws_iam_user" "reader" {
  name = "reader"
}
