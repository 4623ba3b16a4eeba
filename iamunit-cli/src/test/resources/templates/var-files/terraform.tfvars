bucket = "artifacts"
