// Adapter from IAMUnit's JSON Lines case format (../../shared/DESIGN.md, "Differential testing")
// to iam-simulate's core `authorize` function, the entry point iam-simulate's own
// coreSimulatorEngine.test.ts drives: no policy validation, no context-key typing or filtering,
// no resource-type check, exactly what the raw JSON Lines format asks for.
//
// iam-simulate is AGPL-3.0. It is loaded here, in a test-only Node process, and nowhere else.

import { loadPolicy } from '@cloud-copilot/iam-policy';

// The package exports only its public entry point; the core engine lives beside it in dist/.
const distRoot = new URL('.', import.meta.resolve('@cloud-copilot/iam-simulate'));
const load = (path) => import(new URL(path, distRoot).href);

const { authorize } = await load('./core_engine/CoreSimulatorEngine.js');
const { AwsRequestImpl } = await load('./request/request.js');
const { RequestContextImpl } = await load('./requestContext.js');
const { DiscoveryContextKeyConstraints } = await load('./context_keys/discoveryContextKeyConstraints.js');
const { getDenialReasons, getGrantReasons, isWildcardOnlyAction } = await load('./index.js');

const DECISIONS = {
  Allowed: 'ALLOWED',
  ExplicitlyDenied: 'EXPLICIT_DENY',
  ImplicitlyDenied: 'IMPLICIT_DENY',
};

// AWS attaches RCPFullAWSAccess to every root, OU and account and it cannot be detached
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html),
// so a level of our `rcps` lists only the customer's RCPs. Upstream's core test runner adds the
// same allow-all policy to each level. SCP levels get no such help: FullAWSAccess is an
// ordinary, detachable policy and a level lists it when it is attached.
const RCP_FULL_AWS_ACCESS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

const STRICT = Object.freeze({
  simulationMode: 'Strict',
  discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
});

/** Input error: the line does not follow the JSON Lines case format. */
export class CaseFormatError extends Error {}

function requireString(value, what) {
  if (typeof value !== 'string' || value.length === 0) {
    throw new CaseFormatError(`${what} must be a non-empty string`);
  }
  return value;
}

function requireObject(value, what) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CaseFormatError(`${what} must be an object`);
  }
  return value;
}

function optionalArray(value, what) {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) throw new CaseFormatError(`${what} must be an array or null`);
  return value;
}

function policy(document, name) {
  requireObject(document, name);
  return loadPolicy(document, { name });
}

function context(raw) {
  if (raw === undefined || raw === null) return {};
  requireObject(raw, 'request.context');
  for (const [key, value] of Object.entries(raw)) {
    const ok =
      typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) throw new CaseFormatError(`request.context["${key}"] must be a string or an array of strings`);
  }
  return raw;
}

// A request for a wildcard-only action (one with no resource types in the Service Authorization
// Reference, e.g. s3:ListAllMyBuckets) names the resource "*", and only a policy Resource "*"
// grants it (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
// Upstream's core tests mark such requests with `wildcardOnlyAction`; our format has no such
// field, so it is derived from iam-data the way iam-simulate's runSimulation derives it.
// Any other request resource is taken as written.
async function wildcardOnlyRequest(action, resource) {
  if (resource !== '*') return false;
  const colon = action.indexOf(':');
  if (colon <= 0) return false;
  try {
    return await isWildcardOnlyAction(action.slice(0, colon), action.slice(colon + 1));
  } catch {
    return false; // unknown service or action: the core engine evaluates it as written
  }
}

// The case format spells `session` as one policy document; a one-element array is accepted
// too, which is how contract-cases.jsonl spells it.
function sessionDocument(session) {
  if (session === null || session === undefined) return undefined;
  if (!Array.isArray(session)) return session;
  if (session.length > 1) throw new CaseFormatError('policies.session must be one policy document');
  return session[0] ?? undefined;
}

/** Builds iam-simulate's AuthorizationRequest from one parsed case. */
export async function authorizationRequest(testCase) {
  requireObject(testCase, 'case');
  const policies = requireObject(testCase.policies, 'policies');
  const request = requireObject(testCase.request, 'request');

  const identity = optionalArray(policies.identity, 'policies.identity') ?? [];
  const boundaries = optionalArray(policies.permissionBoundaries, 'policies.permissionBoundaries');
  const scps = optionalArray(policies.scps, 'policies.scps') ?? [];
  const rcps = optionalArray(policies.rcps, 'policies.rcps') ?? [];

  const level = (kind) => (docs, i) => ({
    orgIdentifier: `${kind}[${i}]`,
    policies: optionalArray(docs, `policies.${kind}s[${i}]`).map((d, j) => policy(d, `${kind}[${i}][${j}]`)),
  });

  const action = requireString(request.action, 'request.action');
  const resource = requireString(request.resource, 'request.resource');
  const session = sessionDocument(policies.session);

  return {
    request: new AwsRequestImpl(
      requireString(request.principal, 'request.principal'),
      { resource, accountId: requireString(request.resourceAccount, 'request.resourceAccount') },
      action,
      new RequestContextImpl(context(request.context)),
      await wildcardOnlyRequest(action, resource),
    ),
    identityPolicies: identity.map((d, i) => policy(d, `identity[${i}]`)),
    resourcePolicy: policies.resource ? policy(policies.resource, 'resource') : undefined,
    permissionBoundaries: boundaries?.map((d, i) => policy(d, `permissionBoundaries[${i}]`)),
    serviceControlPolicies: scps.map(level('scp')),
    resourceControlPolicies: rcps.map(level('rcp')).map((l) => ({
      ...l,
      policies: [loadPolicy(RCP_FULL_AWS_ACCESS, { name: 'RCPFullAWSAccess' }), ...l.policies],
    })),
    sessionPolicy: session ? policy(session, 'session') : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: STRICT,
  };
}

function describeStatement(r) {
  const where = [r.orgIdentifier, r.policyIdentifier].filter(Boolean).join(' ');
  const sid = r.statementId ? ` ${r.statementId}` : '';
  return `${r.policyType}${where ? ` ${where}` : ''} statement ${r.statementIndex}${sid}`;
}

/** A short, human-readable account of why iam-simulate decided as it did. */
export function explain(analysis) {
  if (analysis.result === 'Allowed') {
    return 'allowed by ' + getGrantReasons(analysis).map(describeStatement).join('; ');
  }
  const reasons = getDenialReasons(analysis).map((r) =>
    r.denialType === 'Explicit'
      ? `explicit deny: ${describeStatement(r)}`
      : `implicit deny: ${r.policyType}${r.identifier ? ` ${r.identifier}` : ''}`,
  );
  return reasons.join('; ') || 'implicit deny: no statement allows';
}

/**
 * Evaluates one case. Returns `{id, decision}` (plus `explanation` when asked) or `{id, error}`.
 */
export async function simulate(testCase, { withExplanation = false } = {}) {
  const id = testCase && typeof testCase === 'object' ? (testCase.id ?? null) : null;
  try {
    const analysis = authorize(await authorizationRequest(testCase));
    const decision = DECISIONS[analysis.result];
    if (!decision) return { id, error: `iam-simulate returned unknown result ${analysis.result}` };
    return withExplanation ? { id, decision, explanation: explain(analysis) } : { id, decision };
  } catch (e) {
    return { id, error: e instanceof CaseFormatError ? e.message : `iam-simulate: ${e.message}` };
  }
}
