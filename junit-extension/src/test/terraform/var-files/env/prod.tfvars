bucket = "prod-artifacts"
