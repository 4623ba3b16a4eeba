// The force-MFA policies of AWS's own documentation (the seed policies of ../../shared/seeds/):
// a Deny with NotAction and BoolIfExists aws:MultiFactorAuthPresent "false", plus Allows on the
// user's own IAM user and MFA device through ${aws:username}.

const MFA_SELF_MANAGE = {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
  name: 'mfa-selfmanage',
  exempt: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ListUsers', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice'],
  denySid: 'BlockMostAccessUnlessSignedInWithMFA',
  document: () => ({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowListActions', Effect: 'Allow', Action: ['iam:ListUsers', 'iam:ListVirtualMFADevices'], Resource: '*' },
      { Sid: 'AllowUserToCreateVirtualMFADevice', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: 'arn:aws:iam::*:mfa/*' },
      {
        Sid: 'AllowUserToManageTheirOwnMFA',
        Effect: 'Allow',
        Action: ['iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: 'arn:aws:iam::*:user/${aws:username}',
      },
      {
        Sid: 'AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice'],
        Resource: ['arn:aws:iam::*:user/${aws:username}'],
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        Sid: 'BlockMostAccessUnlessSignedInWithMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ListUsers', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  }),
};

const MY_SECURITY_CREDENTIALS_MFA_ONLY = {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
  name: 'my-sec-creds-mfa-only',
  exempt: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
  denySid: 'DenyAllExceptListedIfNoMFA',
  document: () => ({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowViewAccountInfo', Effect: 'Allow', Action: 'iam:ListVirtualMFADevices', Resource: '*' },
      {
        Sid: 'AllowManageOwnVirtualMFADevice',
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice'],
        Resource: 'arn:aws:iam::*:mfa/${aws:username}',
      },
      {
        Sid: 'AllowManageOwnUserMFA',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: 'arn:aws:iam::*:user/${aws:username}',
      },
      {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  }),
};

const FORCE_MFA_TUTORIAL = {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html
  name: 'force-mfa',
  exempt: [
    'iam:CreateVirtualMFADevice', 'iam:ListVirtualMFADevices', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'iam:ListAccountAliases', 'iam:ListUsers',
    'iam:ListSSHPublicKeys', 'iam:ListAccessKeys', 'iam:ListServiceSpecificCredentials', 'iam:ListMFADevices', 'iam:GetAccountSummary', 'sts:GetSessionToken',
  ],
  denySid: 'BlockMostAccessUnlessSignedInWithMFA',
  document: () => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowAllUsersToListAccounts',
        Effect: 'Allow',
        Action: ['iam:ListAccountAliases', 'iam:ListUsers', 'iam:ListVirtualMFADevices', 'iam:GetAccountPasswordPolicy', 'iam:GetAccountSummary'],
        Resource: '*',
      },
      {
        Sid: 'AllowIndividualUserToSeeAndManageOnlyTheirOwnAccountInformation',
        Effect: 'Allow',
        Action: [
          'iam:ChangePassword', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:DeleteAccessKey', 'iam:DeleteLoginProfile', 'iam:GetLoginProfile',
          'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:UpdateLoginProfile', 'iam:ListSigningCertificates', 'iam:DeleteSigningCertificate',
          'iam:UpdateSigningCertificate', 'iam:UploadSigningCertificate', 'iam:ListSSHPublicKeys', 'iam:GetSSHPublicKey', 'iam:DeleteSSHPublicKey',
          'iam:UpdateSSHPublicKey', 'iam:UploadSSHPublicKey',
        ],
        Resource: 'arn:aws:iam::*:user/${aws:username}',
      },
      {
        Sid: 'AllowIndividualUserToListOnlyTheirOwnMFA',
        Effect: 'Allow',
        Action: ['iam:ListMFADevices'],
        Resource: ['arn:aws:iam::*:mfa/*', 'arn:aws:iam::*:user/${aws:username}'],
      },
      {
        Sid: 'AllowIndividualUserToManageTheirOwnMFA',
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ResyncMFADevice'],
        Resource: ['arn:aws:iam::*:mfa/${aws:username}', 'arn:aws:iam::*:user/${aws:username}'],
      },
      {
        Sid: 'AllowIndividualUserToDeactivateOnlyTheirOwnMFAOnlyWhenUsingMFA',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice'],
        Resource: ['arn:aws:iam::*:mfa/${aws:username}', 'arn:aws:iam::*:user/${aws:username}'],
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        Sid: 'BlockMostAccessUnlessSignedInWithMFA',
        Effect: 'Deny',
        NotAction: [
          'iam:CreateVirtualMFADevice', 'iam:ListVirtualMFADevices', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'iam:ListAccountAliases', 'iam:ListUsers',
          'iam:ListSSHPublicKeys', 'iam:ListAccessKeys', 'iam:ListServiceSpecificCredentials', 'iam:ListMFADevices', 'iam:GetAccountSummary', 'sts:GetSessionToken',
        ],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  }),
};

export const MFA_POLICIES = [MFA_SELF_MANAGE, MY_SECURITY_CREDENTIALS_MFA_ONLY, FORCE_MFA_TUTORIAL];
