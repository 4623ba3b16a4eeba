# Terraform rejects an attribute set twice in one block: a problem that names no policy, so every
# test of these sources fails naming it.
resource "aws_iam_user" "reader" {
  name = "reader"
  name = "writer"
}
