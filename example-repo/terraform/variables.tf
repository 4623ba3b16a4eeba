variable "region" {
  description = "Region the IAM resources are managed from (IAM itself is global)."
  type        = string
  default     = "us-east-1"
}

variable "mfa_group_name" {
  description = "Group whose members get EC2 only after signing in with MFA (seed 003's EC2MFA)."
  type        = string
  default     = "EC2MFA"
}

variable "mfa_users" {
  description = "Users who must sign in with MFA before using EC2."
  type        = list(string)
  default     = []
}

variable "web_users" {
  description = "Users of the EC2 web group who manage their own MFA (seed 002)."
  type        = set(string)
  default     = []
}

variable "self_service_users" {
  description = "Users who self-manage an MFA device through the API (seed 000)."
  type        = list(string)
  default     = []
}
