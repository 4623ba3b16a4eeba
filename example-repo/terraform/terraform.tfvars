mfa_users          = ["MFAUser"]
web_users          = ["ec2webuser"]
self_service_users = ["mfa-self-service"]
