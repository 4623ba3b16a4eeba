variable "bucket" {
  type = string
}

variable "reader_arn" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

module "policy" {
  source     = "./modules/policy"
  bucket_arn = aws_s3_bucket.this.arn
  bucket     = aws_s3_bucket.this.id
  reader_arn = var.reader_arn
}
