variable "users" {
  type = list(string)
}

variable "group_name" {
  type    = string
  default = "MFASelfService"
}
