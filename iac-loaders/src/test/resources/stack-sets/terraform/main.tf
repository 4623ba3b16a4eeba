# An organization whose Workloads OU holds prod (111111111111) and dev (222222222222), sandbox
# (333333333333) under the root; a service-managed stack set deploys a deploy role to Workloads,
# a self-managed one a reader role to the account the provider deploys into.
resource "aws_organizations_organization" "org" {
  feature_set          = "ALL"
  enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "prod@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.prod
  id = "111111111111"
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "dev@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}

import {
  to = aws_organizations_account.dev
  id = "222222222222"
}

resource "aws_organizations_account" "sandbox" {
  name  = "sandbox"
  email = "sandbox@example.com"
}

import {
  to = aws_organizations_account.sandbox
  id = "333333333333"
}

resource "aws_cloudformation_stack_set" "deploy_role" {
  name             = "deploy-role"
  permission_model = "SERVICE_MANAGED"
  parameters = {
    PipelineAccountId = "999999999999"
  }
  template_body = <<-YAML
    Parameters:
      PipelineAccountId:
        Type: String
    Resources:
      DeployRole:
        Type: AWS::IAM::Role
        Properties:
          RoleName: deploy
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  AWS: !Sub arn:aws:iam::$${PipelineAccountId}:role/pipeline
                Action: sts:AssumeRole
          Policies:
            - PolicyName: deploy-functions
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Sid: DeployFunctions
                    Effect: Allow
                    Action: lambda:UpdateFunctionCode
                    Resource: "*"
  YAML
}

resource "aws_cloudformation_stack_set_instance" "workloads" {
  stack_set_name = aws_cloudformation_stack_set.deploy_role.name
  deployment_targets {
    organizational_unit_ids = [aws_organizations_organizational_unit.workloads.id]
  }
}

resource "aws_cloudformation_stack_set" "reader" {
  name = "reader"
  template_body = jsonencode({
    Resources = {
      Reader = {
        Type = "AWS::IAM::Role"
        Properties = {
          RoleName                 = "reader"
          AssumeRolePolicyDocument = { Version = "2012-10-17", Statement = [] }
        }
      }
    }
  })
}

resource "aws_cloudformation_stack_set_instance" "reader" {
  stack_set_name = aws_cloudformation_stack_set.reader.name
}
