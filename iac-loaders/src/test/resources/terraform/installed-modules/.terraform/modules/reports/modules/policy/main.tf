variable "bucket" {}
variable "bucket_arn" {}
variable "reader_arn" {}

resource "aws_s3_bucket_policy" "this" {
  bucket = var.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.reader_arn }
      Action    = "s3:GetObject"
      Resource  = "${var.bucket_arn}/*"
    }]
  })
}
