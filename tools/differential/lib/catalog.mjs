// The vocabulary generated cases draw on: accounts, principals, actions with the kind of resource
// each one is authorized against, and condition keys with their types and realistic values.
// Every action here exists in the Service Authorization Reference; an action whose kind is '*'
// is wildcard-only there (no resource types), so its request resource is "*".

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const USERS = ['alice', 'bob', 'carol', 'MFAUser'];
export const ROLES = ['Deployer', 'ReadOnly'];
export const TEAMS = ['red', 'blue', 'platform'];
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

export const ACTIONS = {
  's3:GetObject': 's3object',
  's3:PutObject': 's3object',
  's3:DeleteObject': 's3object',
  's3:ListBucket': 's3bucket',
  's3:ListAllMyBuckets': '*',
  'ec2:RunInstances': 'instance',
  'ec2:StartInstances': 'instance',
  'ec2:StopInstances': 'instance',
  'ec2:TerminateInstances': 'instance',
  'ec2:DescribeInstances': '*',
  'iam:CreateVirtualMFADevice': 'mfa',
  'iam:DeleteVirtualMFADevice': 'mfa',
  'iam:EnableMFADevice': 'user',
  'iam:ListMFADevices': 'user',
  'iam:ResyncMFADevice': 'user',
  'iam:DeactivateMFADevice': 'user',
  'iam:GetUser': 'user',
  'iam:ChangePassword': 'user',
  'iam:ListAccessKeys': 'user',
  'iam:ListSSHPublicKeys': 'user',
  'iam:ListUsers': '*',
  'iam:ListVirtualMFADevices': '*',
  'iam:ListAccountAliases': '*',
  'iam:GetAccountSummary': '*',
  'iam:GetAccountPasswordPolicy': '*',
  'sqs:SendMessage': 'queue',
  'sqs:ReceiveMessage': 'queue',
  'sns:Publish': 'topic',
  'dynamodb:GetItem': 'table',
  'dynamodb:PutItem': 'table',
  'lambda:InvokeFunction': 'function',
  'secretsmanager:GetSecretValue': 'secret',
};

export const SERVICES = [...new Set(Object.keys(ACTIONS).map((a) => a.split(':')[0]))];

/** Services whose resources carry resource-based policies in these cases. */
export const RESOURCE_POLICY_SERVICES = ['s3', 'sqs', 'sns', 'lambda', 'secretsmanager', 'dynamodb'];

/**
 * Services among ours that support resource control policies
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services).
 * iam-simulate applies RCPs to every service (DEVIATIONS.md 6), so RCP cases stay within these.
 */
export const RCP_SERVICES = ['s3', 'sqs', 'secretsmanager', 'dynamodb'];

export function actionsOf(service) {
  return Object.keys(ACTIONS).filter((a) => a.startsWith(service + ':'));
}

const BUCKETS = ['example-bucket', 'team-reports'];
const OBJECT_KEYS = (user, team) => [`home/${user}/notes.txt`, `public/index.html`, `teams/${team}/plan.md`, `reports/2025/q1.pdf`];
const NAMES = {
  instance: ['i-0abc1234def567890', 'i-0fedcba9876543210'],
  queue: ['orders', 'audit-events'],
  topic: ['alerts', 'deployments'],
  table: ['Orders', 'Sessions'],
  function: ['resize-image', 'nightly-report'],
  secret: ['prod/db-AbCdEf', 'dev/api-key-1a2B3c'],
};

/**
 * A concrete resource ARN of `kind` in `account`, as parts so that patterns can vary one part.
 * `user`/`team` are the principal's, so that ${aws:username} and ${aws:PrincipalTag/team} have
 * something to match.
 */
export function resourceOf(rng, kind, account, user, team) {
  const region = rng.chance(0.8) ? 'us-east-1' : rng.pick(REGIONS);
  const someUser = rng.chance(0.6) ? user : rng.pick(USERS);
  switch (kind) {
    case 's3object':
      return { service: 's3', region: '', account: '', type: '', name: `${rng.pick(BUCKETS)}/${rng.pick(OBJECT_KEYS(someUser, team))}` };
    case 's3bucket':
      return { service: 's3', region: '', account: '', type: '', name: rng.pick(BUCKETS) };
    case 'user':
      return { service: 'iam', region: '', account, type: 'user/', name: someUser };
    case 'mfa':
      return { service: 'iam', region: '', account, type: 'mfa/', name: someUser };
    case 'instance':
      return { service: 'ec2', region, account, type: 'instance/', name: rng.pick(NAMES.instance) };
    case 'queue':
      return { service: 'sqs', region, account, type: '', name: rng.pick(NAMES.queue) };
    case 'topic':
      return { service: 'sns', region, account, type: '', name: rng.pick(NAMES.topic) };
    case 'table':
      return { service: 'dynamodb', region, account, type: 'table/', name: rng.pick(NAMES.table) };
    case 'function':
      return { service: 'lambda', region, account, type: 'function:', name: rng.pick(NAMES.function) };
    case 'secret':
      return { service: 'secretsmanager', region, account, type: 'secret:', name: rng.pick(NAMES.secret) };
    default:
      throw new Error(`no resource kind ${kind}`);
  }
}

export function arnString(r) {
  return `arn:aws:${r.service}:${r.region}:${r.account}:${r.type}${r.name}`;
}

export const userArn = (account, name) => `arn:aws:iam::${account}:user/${name}`;
export const roleArn = (account, name) => `arn:aws:iam::${account}:role/${name}`;
export const sessionArn = (account, role, session) => `arn:aws:sts::${account}:assumed-role/${role}/${session}`;

const ISO_TIMES = ['2024-01-01T00:00:00Z', '2024-06-30T12:00:00Z', '2025-03-15T08:30:00Z', '2026-01-01T00:00:00Z'];
const EPOCHS = ['1704067200', '1719748800', '1742027400', '1767225600'];

/**
 * Condition keys. `type` chooses the operator family; `values` are what policies test and what
 * requests carry; `variables` are policy-variable spellings a policy may test the key against.
 * `multi` keys are multivalued (their context value is an array).
 */
export const KEYS = {
  'aws:username': { type: 'String', values: USERS },
  'aws:PrincipalTag/team': { type: 'String', values: TEAMS },
  'aws:PrincipalAccount': { type: 'String', values: [ACCOUNT, OTHER_ACCOUNT] },
  'aws:RequestedRegion': { type: 'String', values: REGIONS },
  'aws:ResourceTag/env': { type: 'String', values: ['prod', 'dev', 'test'] },
  'aws:ResourceTag/owner': { type: 'String', values: USERS, variables: ['${aws:username}', "${aws:username, 'nobody'}"] },
  'aws:ResourceTag/team': { type: 'String', values: TEAMS, variables: ['${aws:PrincipalTag/team}', "${aws:PrincipalTag/team, 'platform'}"] },
  's3:prefix': { type: 'String', values: ['home/alice/', 'home/bob/', 'public/', 'reports/'], variables: ['home/${aws:username}/'] },
  'ec2:InstanceType': { type: 'String', values: ['t3.micro', 't3.large', 'm5.large'] },
  'aws:PrincipalArn': {
    type: 'ARN',
    values: [userArn(ACCOUNT, 'alice'), userArn(ACCOUNT, 'bob'), roleArn(ACCOUNT, 'Deployer'), userArn(OTHER_ACCOUNT, 'carol')],
    variables: [`arn:aws:iam::${ACCOUNT}:user/\${aws:username}`],
  },
  'aws:SourceArn': { type: 'ARN', values: [`arn:aws:sns:us-east-1:${ACCOUNT}:alerts`, `arn:aws:s3:::example-bucket`, `arn:aws:lambda:eu-west-1:${OTHER_ACCOUNT}:function:nightly-report`] },
  'aws:MultiFactorAuthAge': { type: 'Numeric', values: ['0', '300', '3600', '86400'] },
  's3:max-keys': { type: 'Numeric', values: ['10', '100', '1000'] },
  'aws:CurrentTime': { type: 'Date', values: ISO_TIMES },
  'aws:TokenIssueTime': { type: 'Date', values: ISO_TIMES },
  'aws:EpochTime': { type: 'Epoch', values: EPOCHS },
  'aws:MultiFactorAuthPresent': { type: 'Bool', values: ['true', 'false'] },
  'aws:SecureTransport': { type: 'Bool', values: ['true', 'false'] },
  'aws:ViaAWSService': { type: 'Bool', values: ['true', 'false'] },
  'aws:SourceIp': {
    type: 'IP',
    values: ['203.0.113.0/24', '198.51.100.7/32', '10.0.0.0/8', '192.0.2.10', '2001:db8:1234::/48', '2001:DB8:ABCD::/32'],
    requestValues: ['203.0.113.45', '198.51.100.7', '10.1.2.3', '192.0.2.10', '172.16.0.1', '2001:db8:1234:5678::1', '2001:db8:abcd:1::2', '2600:1f18::1'],
  },
  'aws:RequestTag/checksum': { type: 'Binary', values: ['aGVsbG8=', 'd29ybGQ=', 'SUFNVW5pdA=='] },
  'aws:TagKeys': { type: 'String', multi: true, values: ['env', 'team', 'owner', 'cost-center'] },
  'aws:CalledVia': { type: 'String', multi: true, values: ['cloudformation.amazonaws.com', 'athena.amazonaws.com', 'dynamodb.amazonaws.com'] },
  'aws:PrincipalServiceNamesList': { type: 'String', multi: true, values: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
};

export const OPERATORS = {
  String: { StringEquals: 3, StringNotEquals: 2, StringEqualsIgnoreCase: 1, StringNotEqualsIgnoreCase: 1, StringLike: 2, StringNotLike: 1 },
  ARN: { ArnEquals: 1, ArnLike: 2, ArnNotEquals: 1, ArnNotLike: 2, StringLike: 1, StringEquals: 1 },
  Numeric: { NumericEquals: 1, NumericNotEquals: 1, NumericLessThan: 1, NumericLessThanEquals: 1, NumericGreaterThan: 1, NumericGreaterThanEquals: 1 },
  Date: { DateEquals: 1, DateNotEquals: 1, DateLessThan: 1, DateLessThanEquals: 1, DateGreaterThan: 1, DateGreaterThanEquals: 1 },
  Bool: { Bool: 1 },
  IP: { IpAddress: 2, NotIpAddress: 1 },
  Binary: { BinaryEquals: 1 },
};
OPERATORS.Epoch = OPERATORS.Date;

/** Operators usable with ForAnyValue:/ForAllValues: on string-valued keys. */
export const SET_OPERATORS = { StringEquals: 3, StringLike: 2, StringNotEquals: 1, StringNotLike: 1, StringEqualsIgnoreCase: 1 };
