variable "group_name" {
  type    = string
  default = "EC2MFA"
}

variable "users" {
  type    = list(string)
  default = ["MFAUser"]
}
