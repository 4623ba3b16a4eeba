import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateCase } from '../lib/generator.mjs';
import { simulate } from '../lib/iam-simulate.mjs';

const cases = (seed, count, start = 0) => Array.from({ length: count }, (_, i) => generateCase(seed, start + i));

test('the same seed gives the same cases', () => {
  assert.deepEqual(cases(42, 300), cases(42, 300));
});

test('a case depends only on seed and index, not on how many are generated', () => {
  assert.deepEqual(cases(42, 5, 95), cases(42, 100).slice(95));
});

test('different seeds give different cases', () => {
  assert.notDeepEqual(cases(1, 50), cases(2, 50));
});

test('cases follow the JSON Lines case format', () => {
  for (const c of cases(7, 500)) {
    assert.match(c.id, /^s7-\d+(\+[a-z0-9-]+)*$/);
    assert.deepEqual(Object.keys(c.policies), ['identity', 'resource', 'permissionBoundaries', 'scps', 'rcps', 'session']);
    assert.deepEqual(Object.keys(c.request), ['principal', 'action', 'resource', 'resourceAccount', 'context']);
    for (const [key, value] of Object.entries(c.request.context)) {
      assert.ok(typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')), key);
    }
    assert.ok(c.request.resource === '*' || !/[*?]/.test(c.request.resource), `request resources are concrete: ${c.request.resource}`);
    assert.ok((c.policies.permissionBoundaries ?? []).length <= 1, 'at most one permission boundary');
    if (c.policies.session) assert.match(c.request.principal, /:assumed-role\//);
    const text = JSON.stringify(c.policies);
    assert.ok(!text.includes('2008-10-17'));
  }
});

test('context keys about the principal hold its own values or are absent', () => {
  for (const c of cases(13, 3000)) {
    const { principal, context } = c.request;
    const session = principal.match(/^arn:aws:sts::(\d+):assumed-role\/([^/]+)\//);
    const username = session ? undefined : principal.split('/').pop();
    const principalArn = session ? `arn:aws:iam::${session[1]}:role/${session[2]}` : principal;
    const value = (key) => Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    assert.ok([undefined, username].includes(value('aws:username')), `${c.id}: aws:username ${value('aws:username')}`);
    assert.ok([undefined, principalArn].includes(value('aws:PrincipalArn')), `${c.id}: aws:PrincipalArn ${value('aws:PrincipalArn')}`);
    assert.ok([undefined, principal.split(':')[4]].includes(value('aws:PrincipalAccount')), `${c.id}: aws:PrincipalAccount`);
  }
});

test('NotPrincipal lists every layer of the caller, or the case says it does not (+npgap)', () => {
  let gaps = 0;
  let full = 0;
  for (const c of cases(17, 4000).filter((k) => k.id.includes('+notprincipal'))) {
    if (c.id.includes('+npgap')) gaps++;
    else full++;
  }
  assert.ok(gaps > 0 && full > 0, `${gaps} with a gap, ${full} with every layer`);
});

test('cases holding a variable with no value under a negated operator or NotResource say so (+varnull)', () => {
  const tagged = cases(1, 4000).filter((c) => c.id.includes('+varnull'));
  assert.ok(tagged.length > 10, `${tagged.length} of 4000`);
  for (const c of tagged) assert.ok(JSON.stringify(c.policies).includes('${'), c.id);
});

test('about a third of the cases are built on the force-MFA seed policies', () => {
  const mfa = cases(11, 3000).filter((c) => c.id.includes('+mfa+')).length;
  assert.ok(mfa > 850 && mfa < 1150, `${mfa} of 3000`);
});

test('every operator family, set operators, IfExists and policy variables occur', () => {
  const text = cases(5, 2000).map((c) => JSON.stringify(c.policies)).join('\n');
  for (const op of [
    'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
    'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
    'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
    '"Bool"', 'BoolIfExists', 'BinaryEquals', '"IpAddress"', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', '"Null"',
    'ForAnyValue:', 'ForAllValues:', 'IfExists', '${aws:username}', '${aws:PrincipalTag/team}', "${aws:username, '",
    'NotAction', 'NotResource', 'NotPrincipal', '2001:db8', '"Principal":"*"',
  ]) {
    assert.ok(text.includes(op), `no ${op} in 2000 cases`);
  }
});

test('decisions are mixed: each is between a fifth and a half of the cases', async () => {
  const counts = { ALLOWED: 0, EXPLICIT_DENY: 0, IMPLICIT_DENY: 0 };
  const sample = cases(3, 2000);
  for (const c of sample) {
    const answer = await simulate(c);
    assert.equal(answer.error, undefined, `${c.id}: ${answer.error}`);
    counts[answer.decision]++;
  }
  for (const [decision, n] of Object.entries(counts)) assert.ok(n > 400 && n < 1000, `${decision}: ${n} of 2000`);
});
