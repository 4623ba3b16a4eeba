#!/usr/bin/env node
// Decisions per second of @cloud-copilot/iam-simulate on IAMUnit's JSON Lines cases.
//
//   node iam-simulate-throughput.mjs FILE [--entry simulation|core] [--seconds S] [--warmup S]
//   node iam-simulate-throughput.mjs FILE --serve [--entry simulation|core] [--warmup S]
//
// Each decision starts from the case's text, as IAMUnit's parse-per-decision mode does: the line
// is parsed from JSON and handed to one of iam-simulate's two entry points.
// - simulation (the default): `runSimulation`, the public API a user of iam-simulate calls. Like
//   IAMUnit's CaseFormat.read, it validates every policy (syntax and elements) and the request
//   (context keys typed against iam-data) before it decides.
// - core: iam-policy's `loadPolicy` for each policy (parsing, no validation) and iam-simulate's
//   internal core `authorize`: the fastest path iam-simulate has, skipping what `runSimulation`
//   checks, so the least favourable comparison for IAMUnit.
// The core mapping follows tools/differential/lib/iam-simulate.mjs (its README gives the
// reasons), reduced to what a throughput run needs; every case's decision is checked against the
// line's "expected" (IAMUnit's), so that a mapping error shows up as disagreements, not as speed.
// Prints one JSON object.
//
// --serve times rounds on command instead, for paired.mjs, which alternates them with rounds of
// IAMUnit because this machine's speed changes every few seconds: it prints the JSON object
// without the timing once it is warm, then answers each line `run SECONDS` on stdin with
// {"decisions":N,"seconds":S}, until stdin ends.
//
// iam-simulate is AGPL-3.0: it runs here, in its own process, and is never bundled or shipped.

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadPolicy } from '@cloud-copilot/iam-policy';
import { isWildcardOnlyAction, runSimulation } from '@cloud-copilot/iam-simulate';

const distRoot = new URL('.', import.meta.resolve('@cloud-copilot/iam-simulate'));
const load = (path) => import(new URL(path, distRoot).href);
const { authorize } = await load('./core_engine/CoreSimulatorEngine.js');
const { AwsRequestImpl } = await load('./request/request.js');
const { RequestContextImpl } = await load('./requestContext.js');
const { DiscoveryContextKeyConstraints } = await load('./context_keys/discoveryContextKeyConstraints.js');

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', distRoot), 'utf8')).version;
const DECISIONS = { Allowed: 'ALLOWED', ExplicitlyDenied: 'EXPLICIT_DENY', ImplicitlyDenied: 'IMPLICIT_DENY' };
const RCP_FULL_AWS_ACCESS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};
const STRICT = Object.freeze({
  simulationMode: 'Strict',
  discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
});

function parseArgs(argv) {
  const options = { file: undefined, entry: 'simulation', seconds: 10, warmup: 3, serve: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--serve') options.serve = true;
    else if (argv[i] === '--entry') options.entry = argv[++i];
    else if (argv[i] === '--seconds') options.seconds = Number(argv[++i]);
    else if (argv[i] === '--warmup') options.warmup = Number(argv[++i]);
    else if (!options.file) options.file = argv[i];
    else throw new Error(`unexpected argument ${argv[i]}`);
  }
  if (!options.file || !(options.seconds > 0) || !(options.warmup >= 0) || !['simulation', 'core'].includes(options.entry)) {
    throw new Error('usage: node iam-simulate-throughput.mjs FILE [--serve] [--entry simulation|core] [--seconds S] [--warmup S]');
  }
  return options;
}

const levels = (kind, list) =>
  (list ?? []).map((docs, i) => ({
    orgIdentifier: `${kind}[${i}]`,
    policies: docs.map((d, j) => loadPolicy(d, { name: `${kind}[${i}][${j}]` })),
  }));

const named = (kind) => (d, i) => ({ name: `${kind}[${i}]`, policy: d });
const orgLevels = (kind, list) =>
  (list ?? []).map((docs, i) => ({ orgIdentifier: `${kind}[${i}]`, policies: docs.map(named(`${kind}[${i}]`)) }));

/** One decision from the case's text, through the public runSimulation. */
async function decideBySimulation(line) {
  const { policies, request } = JSON.parse(line);
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: request.context ?? {},
      },
      identityPolicies: (policies.identity ?? []).map(named('identity')),
      serviceControlPolicies: orgLevels('scp', policies.scps),
      resourceControlPolicies: orgLevels('rcp', policies.rcps),
      resourcePolicy: policies.resource ?? undefined,
      permissionBoundaryPolicies: policies.permissionBoundaries?.map(named('permissionBoundaries')),
      sessionPolicy: Array.isArray(policies.session) ? policies.session[0] : policies.session,
    },
    {},
  );
  if (result.resultType === 'error') return `error: ${result.errors.message}`;
  return DECISIONS[result.overallResult] ?? result.overallResult;
}

/** One decision from the case's text, through loadPolicy and the core engine. */
async function decideByCore(line) {
  const { policies, request } = JSON.parse(line);
  const session = Array.isArray(policies.session) ? policies.session[0] : policies.session;
  const colon = request.action.indexOf(':');
  const wildcardOnly =
    request.resource === '*' &&
    (await isWildcardOnlyAction(request.action.slice(0, colon), request.action.slice(colon + 1)).catch(() => false));
  const analysis = authorize({
    request: new AwsRequestImpl(
      request.principal,
      { resource: request.resource, accountId: request.resourceAccount },
      request.action,
      new RequestContextImpl(request.context ?? {}),
      wildcardOnly,
    ),
    identityPolicies: (policies.identity ?? []).map((d, i) => loadPolicy(d, { name: `identity[${i}]` })),
    resourcePolicy: policies.resource ? loadPolicy(policies.resource, { name: 'resource' }) : undefined,
    permissionBoundaries: policies.permissionBoundaries?.map((d, i) => loadPolicy(d, { name: `permissionBoundaries[${i}]` })),
    serviceControlPolicies: levels('scp', policies.scps),
    resourceControlPolicies: levels('rcp', policies.rcps).map((l) => ({
      ...l,
      policies: [loadPolicy(RCP_FULL_AWS_ACCESS, { name: 'RCPFullAWSAccess' }), ...l.policies],
    })),
    sessionPolicy: session ? loadPolicy(session, { name: 'session' }) : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: STRICT,
  });
  return DECISIONS[analysis.result] ?? analysis.result;
}

async function run(lines, seconds) {
  let decisions = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (const line of lines) {
      await decide(line);
    }
    decisions += lines.length;
    now = process.hrtime.bigint();
  }
  return { decisions, seconds: Number(now - start) / 1e9 };
}

/** The cases iam-simulate decides otherwise than the line's "expected" (IAMUnit's decision). */
async function disagreements(lines) {
  const found = [];
  for (const line of lines) {
    const { id, expected } = JSON.parse(line);
    const decision = await decide(line);
    if (expected && decision !== expected) found.push({ id, iamSimulate: decision, iamunit: expected });
  }
  return found;
}

/** Answers `run SECONDS` on stdin with one round's count, until stdin ends. */
async function serve(lines) {
  for await (const command of createInterface({ input: process.stdin })) {
    const [verb, seconds, ...rest] = command.trim().split(/\s+/);
    if (verb === '') continue;
    if (verb !== 'run' || !(Number(seconds) > 0) || rest.length > 0) {
      throw new Error(`unknown command "${command}" (expected: run SECONDS)`);
    }
    console.log(JSON.stringify(await run(lines, Number(seconds))));
  }
}

const options = parseArgs(process.argv.slice(2));
const decide = options.entry === 'core' ? decideByCore : decideBySimulation;
const lines = readFileSync(options.file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const described = {
  engine: 'iam-simulate',
  version: VERSION,
  entry: options.entry,
  cases: lines.length,
  disagreements: await disagreements(lines),
};
await run(lines, options.warmup);
if (options.serve) {
  console.log(JSON.stringify(described));
  await serve(lines);
} else {
  const { decisions, seconds } = await run(lines, options.seconds);
  console.log(JSON.stringify({ ...described, decisions, seconds, decisionsPerSecond: decisions / seconds }));
}
