// Seeded generator of realistic random cases in the JSON Lines case format of DESIGN.md.
//
// Case `index` of seed `seed` depends only on (seed, index). Its id is `s<seed>-<index>` followed
// by `+tag` for each feature it uses (`+mfa`, `+scp2`, `+rcp`, `+rp`, `+xacct`, `+pb`, `+session`,
// `+notprincipal`, ...), so KNOWN_DIFFERENCES.md can name a family of cases with an id pattern.
//
// The generator only writes inputs both engines must accept: valid ARNs, real actions, valid
// operators, Version 2012-10-17, type-correct values. It stays out of the corners where
// ../../shared/conformance/iam-simulate/DEVIATIONS.md documents that iam-simulate departs from
// AWS by design (see README.md, "What the generator avoids"), so that disagreements point at
// real questions rather than at known gaps.

import {
  ACCOUNT, ACTIONS, KEYS, OPERATORS, OTHER_ACCOUNT, RCP_SERVICES, RESOURCE_POLICY_SERVICES, ROLES, SERVICES, SET_OPERATORS, TEAMS, USERS,
  actionsOf, arnString, resourceOf, roleArn, sessionArn, userArn,
} from './catalog.mjs';
import { MFA_POLICIES } from './mfa-policies.mjs';
import { Random } from './random.mjs';

const FULL_AWS_ACCESS = () => ({ Version: '2012-10-17', Statement: [{ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }] });

export function generateCase(seed, index) {
  return new CaseBuilder(new Random(seed, index), seed, index).build();
}

class CaseBuilder {
  constructor(rng, seed, index) {
    this.rng = rng;
    this.seed = seed;
    this.index = index;
    this.tags = [];
    this.actions = []; // action patterns written into policies
    this.resources = []; // concrete resources (parts) that policy patterns were made from
    this.conditionValues = new Map(); // lower-cased key -> [{key, op, value}]
  }

  build() {
    const c = this.rng.chance(1 / 3) ? this.mfaCase() : this.generalCase();
    if (holdsNullVariable(c)) this.tag('varnull');
    return { id: [`s${this.seed}-${this.index}`, ...this.tags].join('+'), ...c };
  }

  tag(t) {
    if (!this.tags.includes(t)) this.tags.push(t);
  }

  // ---- principals -------------------------------------------------------------------------------

  userPrincipal(name = this.rng.pick(USERS)) {
    this.principal = { kind: 'user', arn: userArn(ACCOUNT, name), account: ACCOUNT, username: name, team: this.rng.pick(TEAMS) };
  }

  sessionPrincipal() {
    const role = this.rng.pick(ROLES);
    const session = this.rng.pick(USERS).toLowerCase();
    this.principal = { kind: 'session', arn: sessionArn(ACCOUNT, role, session), roleArn: roleArn(ACCOUNT, role), account: ACCOUNT, team: this.rng.pick(TEAMS) };
    this.tag('role');
  }

  /** The principal as a resource policy's Principal names it (a role, not its session). */
  principalIdentity() {
    return this.principal.kind === 'session' ? this.principal.roleArn : this.principal.arn;
  }

  // ---- patterns -----------------------------------------------------------------------------------

  actionPattern(action) {
    const rng = this.rng;
    const [service, name] = action.split(':');
    const verb = name.match(/^[A-Z][a-z]+/)[0];
    let pattern;
    switch (rng.weighted({ exact: 45, service: 15, verb: 20, infix: 8, all: 4, single: 8 })) {
      case 'exact':
        pattern = rng.chance(0.1) ? action.toLowerCase() : action;
        break;
      case 'service':
        pattern = `${service}:*`;
        break;
      case 'verb':
        pattern = `${service}:${verb}*`;
        break;
      case 'infix':
        pattern = name.includes('MFA') ? `${service}:*MFA*` : `${service}:*${name.slice(verb.length)}`;
        break;
      case 'all':
        pattern = '*';
        break;
      default: {
        const i = rng.int(0, name.length - 1);
        pattern = `${service}:${name.slice(0, i)}?${name.slice(i + 1)}`;
      }
    }
    this.actions.push(pattern);
    return pattern;
  }

  /** A Resource pattern made from a concrete resource: exact, wildcarded, or with a variable. */
  resourcePattern(r) {
    const rng = this.rng;
    this.resources.push(r);
    const p = this.principal;
    const choice = rng.weighted({ exact: 35, trailing: 20, segment: 10, all: 8, single: 10, variable: 17 });
    const withName = (name) => arnString({ ...r, name });
    switch (choice) {
      case 'trailing': {
        const cut = Math.max(r.name.lastIndexOf('/'), r.name.lastIndexOf(':'));
        return withName(cut >= 0 ? `${r.name.slice(0, cut + 1)}*` : `${r.name.slice(0, rng.int(1, r.name.length - 1))}*`);
      }
      case 'segment':
        return arnString({ ...r, region: r.region ? '*' : '', account: r.account ? '*' : '' });
      case 'all':
        return '*';
      case 'single': {
        const i = rng.int(0, r.name.length - 1);
        return withName(`${r.name.slice(0, i)}?${r.name.slice(i + 1)}`);
      }
      case 'variable': {
        const user = p.username && r.name.split('/').includes(p.username) ? p.username : null;
        if (user) {
          const variable = rng.chance(0.85) ? '${aws:username}' : `\${aws:username, '${user}'}`;
          this.tag('var');
          return arnString({ ...r, account: rng.chance(0.5) ? '*' : r.account, name: r.name.split('/').map((s) => (s === user ? variable : s)).join('/') });
        }
        if (r.name.includes(`teams/${p.team}/`)) {
          this.tag('var');
          const variable = rng.chance(0.8) ? '${aws:PrincipalTag/team}' : "${aws:PrincipalTag/team, 'platform'}";
          return withName(r.name.replace(`teams/${p.team}/`, `teams/${variable}/`));
        }
        return arnString(r);
      }
      default:
        return arnString(r);
    }
  }

  // ---- conditions ---------------------------------------------------------------------------------

  condition(keyNames = Object.keys(KEYS)) {
    const rng = this.rng;
    const block = {};
    for (let n = rng.int(1, 2); n > 0; n--) {
      const key = rng.pick(keyNames);
      const spec = KEYS[key];
      const { op, values } = rng.chance(0.08) ? this.nullTest(key) : this.test(key, spec);
      const written = rng.chance(0.05) ? key.toLowerCase() : key;
      if (Object.keys(block[op] ?? {}).some((k) => k.toLowerCase() === key.toLowerCase())) continue;
      block[op] ??= {};
      block[op][written] = values.length === 1 && rng.chance(0.6) ? values[0] : values;
      this.remember(key, op, values);
    }
    return block;
  }

  nullTest(key) {
    this.tag('null');
    return { op: 'Null', values: [this.rng.pick(['true', 'false'])] };
  }

  test(key, spec) {
    const rng = this.rng;
    let op;
    let prefix = '';
    if (spec.multi) {
      op = rng.weighted(SET_OPERATORS);
      prefix = rng.chance(0.5) ? 'ForAnyValue:' : 'ForAllValues:';
      this.tag('multi');
    } else {
      op = rng.weighted(OPERATORS[spec.type]);
      if (spec.type === 'String' && rng.chance(0.1)) {
        prefix = rng.chance(0.7) ? 'ForAnyValue:' : 'ForAllValues:';
        this.tag('setsingle');
      }
    }
    const ifExists = rng.chance(0.2) ? 'IfExists' : '';
    if (ifExists) this.tag('ifexists');
    const values = rng.sample(spec.values, rng.int(1, Math.min(3, spec.values.length))).map((v) => this.conditionValue(spec, op, v));
    if (spec.variables && rng.chance(0.3)) {
      values[0] = this.variableValue(spec, op);
    }
    // A single address (no /prefix) under NotIpAddress: iam-simulate never matches it against an
    // address of the other IP family (KNOWN_DIFFERENCES.md).
    if (op === 'NotIpAddress' && values.some((v) => !v.includes('/'))) this.tag('notipsingle');
    return { op: `${prefix}${op}${ifExists}`, values };
  }

  variableValue(spec, op) {
    this.tag('var');
    const v = this.rng.pick(spec.variables);
    return /Like$/.test(op) && v.endsWith('/') ? `${v}*` : v;
  }

  conditionValue(spec, op, value) {
    const rng = this.rng;
    if (/Like$/.test(op) && rng.chance(0.6)) {
      // In an ARN, wildcards go in the resource part: each of the six components is matched on
      // its own (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
      const from = spec.type === 'ARN' ? nthIndexOf(value, ':', 5) + 2 : 1;
      if (rng.chance(0.7)) return `${value.slice(0, rng.int(from, Math.max(from, value.length - 1)))}*`;
      const i = rng.int(from - 1, value.length - 1);
      return `${value.slice(0, i)}?${value.slice(i + 1)}`;
    }
    if (spec.type === 'Date' && rng.chance(0.2)) return value.slice(0, 10);
    return value;
  }

  remember(key, op, values) {
    const k = key.toLowerCase();
    if (!this.conditionValues.has(k)) this.conditionValues.set(k, []);
    this.conditionValues.get(k).push(...values.map((value) => ({ key, op, value })));
  }

  // ---- statements ---------------------------------------------------------------------------------

  /** An identity-style statement (identity, boundary, session) around `focus` actions. */
  identityStatement(focusActions, { effect = this.rng.chance(0.7) ? 'Allow' : 'Deny', conditionChance = 0.45 } = {}) {
    const rng = this.rng;
    const statement = {};
    if (rng.chance(0.4)) {
      // AWS rejects a policy with two statements of one Sid: keep them unique within the case.
      let sid = `${effect}${rng.int(1, 999)}`;
      this.sids ??= new Set();
      while (this.sids.has(sid)) sid += 'x';
      this.sids.add(sid);
      statement.Sid = sid;
    }
    statement.Effect = effect;
    const actions = rng.sample(focusActions, rng.int(1, 3));
    const patterns = [...new Set(actions.map((a) => this.actionPattern(a)))];
    if (rng.chance(0.2)) {
      statement.NotAction = patterns;
      this.tag('notaction');
    } else {
      statement.Action = patterns.length === 1 && rng.chance(0.6) ? patterns[0] : patterns;
    }
    const kinds = [...new Set(actions.map((a) => ACTIONS[a]))];
    const resources = kinds.map((k) => (k === '*' || statement.NotAction && rng.chance(0.7) ? '*' : this.resourcePattern(this.resourceFor(k))));
    const unique = [...new Set(resources)];
    if (!unique.includes('*') && rng.chance(0.15)) {
      statement.NotResource = unique;
      this.tag('notresource');
    } else {
      statement.Resource = unique.length === 1 && rng.chance(0.6) ? unique[0] : unique;
    }
    if (rng.chance(conditionChance)) statement.Condition = this.condition();
    return statement;
  }

  resourceFor(kind) {
    return resourceOf(this.rng, kind, this.rng.chance(0.85) ? this.resourceAccount : this.principal.account, this.principal.username ?? 'alice', this.principal.team);
  }

  focusActions(service) {
    const rng = this.rng;
    return [...actionsOf(service), ...rng.sample(Object.keys(ACTIONS), 3)];
  }

  policy(statements) {
    return { Version: '2012-10-17', Statement: statements.length === 1 && this.rng.chance(0.3) ? statements[0] : statements };
  }

  identityPolicies(focus) {
    const rng = this.rng;
    const count = rng.weighted({ 0: 1, 1: 5, 2: 3, 3: 1 });
    return Array.from({ length: Number(count) }, () => this.policy(Array.from({ length: rng.int(1, 3) }, () => this.identityStatement(focus))));
  }

  boundary(focus) {
    const rng = this.rng;
    this.tag('pb');
    const statements = [this.identityStatement(focus, { effect: 'Allow', conditionChance: 0.25 })];
    if (rng.chance(0.4)) statements.push({ Effect: 'Allow', Action: [...new Set(rng.sample(SERVICES, 2).map((s) => `${s}:*`))], Resource: '*' });
    if (rng.chance(0.2)) statements.push(this.identityStatement(focus, { effect: 'Deny' }));
    return this.policy(statements);
  }

  sessionPolicy(focus) {
    this.tag('session');
    const statements = [this.identityStatement(focus, { effect: 'Allow', conditionChance: 0.3 })];
    if (this.rng.chance(0.3)) statements.push(this.identityStatement(focus, { effect: 'Deny' }));
    return this.policy(statements);
  }

  scps(focus) {
    const rng = this.rng;
    const levels = rng.int(1, 3);
    this.tag(`scp${levels}`);
    return Array.from({ length: levels }, () => {
      const policies = [];
      if (rng.chance(0.85)) policies.push(FULL_AWS_ACCESS());
      else policies.push(this.policy([{ Effect: 'Allow', Action: [...new Set(rng.sample(focus, 2).map((a) => this.actionPattern(a)))], Resource: '*' }]));
      if (rng.chance(0.5)) {
        const deny = { Sid: 'Guardrail', Effect: 'Deny' };
        const patterns = [...new Set(rng.sample(focus, rng.int(1, 2)).map((a) => this.actionPattern(a)))];
        if (rng.chance(0.25)) {
          deny.NotAction = patterns;
          this.tag('notaction');
        } else deny.Action = patterns;
        deny.Resource = '*';
        deny.Condition = rng.chance(0.5)
          ? rng.pick([
              { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
              { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
              { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/Deployer` } },
              { Null: { 'aws:RequestTag/env': 'true' } },
            ])
          : this.condition();
        for (const [op, kv] of Object.entries(deny.Condition)) for (const [k, v] of Object.entries(kv)) this.remember(k, op, [v].flat());
        policies.push(this.policy([deny]));
      }
      return policies;
    });
  }

  rcps(service) {
    const rng = this.rng;
    this.tag('rcp');
    return Array.from({ length: rng.int(1, 2) }, () =>
      Array.from({ length: rng.int(0, 2) }, () => {
        const statement = { Effect: 'Deny', Principal: '*', Action: rng.chance(0.5) ? `${service}:*` : this.actionPattern(rng.pick(actionsOf(service))), Resource: '*' };
        const condition = rng.pick([
          () => ({ BoolIfExists: { 'aws:SecureTransport': 'false' } }),
          () => ({ StringNotEqualsIfExists: { 'aws:PrincipalAccount': [ACCOUNT] } }),
          () => ({ NotIpAddressIfExists: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8:1234::/48'] } }),
          () => this.condition(),
        ])();
        for (const [op, kv] of Object.entries(condition)) for (const [k, v] of Object.entries(kv)) this.remember(k, op, [v].flat());
        statement.Condition = condition;
        return this.policy([statement]);
      }),
    );
  }

  resourcePolicy(service) {
    const rng = this.rng;
    this.tag('rp');
    const p = this.principal;
    const statements = Array.from({ length: rng.int(1, 2) }, () => {
      const effect = rng.chance(0.75) ? 'Allow' : 'Deny';
      const statement = { Effect: effect };
      if (effect === 'Deny' && rng.chance(0.4)) {
        const listed = rng.pick([
          () => [this.principalIdentity()],
          () => [userArn(ACCOUNT, 'alice'), `arn:aws:iam::${p.account}:root`],
          () => [p.arn, ...(p.roleArn ? [p.roleArn] : []), `arn:aws:iam::${p.account}:root`],
        ])();
        statement.NotPrincipal = { AWS: listed };
        this.tag('notprincipal');
        // AWS may validate the account, then the user (or the role, then the session): unless
        // every layer of the caller is listed, the Deny applies to it (KNOWN_DIFFERENCES.md).
        const layers = [p.arn, ...(p.roleArn ? [p.roleArn] : []), `arn:aws:iam::${p.account}:root`];
        if (!layers.every((layer) => listed.includes(layer))) this.tag('npgap');
      } else {
        statement.Principal = rng.pick([
          () => ({ AWS: this.principalIdentity() }),
          () => ({ AWS: `arn:aws:iam::${p.account}:root` }),
          () => ({ AWS: p.account }),
          () => '*',
          () => ({ AWS: [userArn(OTHER_ACCOUNT, 'carol'), this.principalIdentity()] }),
          () => ({ AWS: userArn(rng.pick([ACCOUNT, OTHER_ACCOUNT]), rng.pick(USERS)) }),
        ])();
      }
      const actions = rng.sample(actionsOf(service).filter((a) => ACTIONS[a] !== '*'), rng.int(1, 2));
      statement.Action = [...new Set(actions.map((a) => this.actionPattern(a)))];
      statement.Resource = [...new Set(actions.map((a) => this.resourcePattern(resourceOf(rng, ACTIONS[a], this.resourceAccount, p.username ?? 'alice', p.team))))];
      if (statement.Principal === '*' || rng.chance(0.3)) statement.Condition = this.condition();
      return statement;
    });
    return this.policy(statements);
  }

  // ---- cases --------------------------------------------------------------------------------------

  generalCase() {
    const rng = this.rng;
    if (rng.chance(0.7)) this.userPrincipal();
    else this.sessionPrincipal();
    const crossAccount = rng.chance(0.2);
    if (crossAccount) this.tag('xacct');
    this.resourceAccount = crossAccount ? OTHER_ACCOUNT : ACCOUNT;

    const withRcp = rng.chance(0.2);
    const service = withRcp
      ? rng.pick(RCP_SERVICES)
      : crossAccount && rng.chance(0.8)
        ? rng.pick(RESOURCE_POLICY_SERVICES)
        : rng.pick(SERVICES);
    const focus = this.focusActions(service);

    const policies = { identity: this.identityPolicies(focus), resource: null, permissionBoundaries: null, scps: null, rcps: null, session: null };
    if (RESOURCE_POLICY_SERVICES.includes(service) && rng.chance(crossAccount ? 0.85 : 0.5)) policies.resource = this.resourcePolicy(service);
    if (crossAccount && !policies.resource) this.tag('norp');
    if (rng.chance(0.2)) policies.permissionBoundaries = [this.boundary(focus)];
    if (rng.chance(0.35)) policies.scps = this.scps(focus);
    if (withRcp) policies.rcps = this.rcps(service);
    if (this.principal.kind === 'session' && rng.chance(0.35)) policies.session = this.sessionPolicy(focus);

    const action = this.requestAction(service);
    // AWS applies RCPs only to the services that support them; iam-simulate to every one (a tag,
    // so that KNOWN_DIFFERENCES.md can name these cases: it draws nothing from the generator).
    if (withRcp && !RCP_SERVICES.includes(action.split(':')[0].toLowerCase())) this.tag('nonrcpservice');
    return { policies, request: this.request(action) };
  }

  /** A force-MFA case built on one of AWS's documented MFA policies. */
  mfaCase() {
    const rng = this.rng;
    this.tag('mfa');
    this.userPrincipal(rng.chance(0.5) ? 'MFAUser' : rng.pick(USERS));
    this.resourceAccount = ACCOUNT;
    const seedPolicy = rng.pick(MFA_POLICIES);
    this.tag(seedPolicy.name);
    const document = seedPolicy.document();
    if (rng.chance(0.15)) {
      // The mistake the seeds warn about: Bool instead of BoolIfExists lets access keys through.
      const deny = document.Statement.find((s) => s.Sid === seedPolicy.denySid);
      deny.Condition = { Bool: deny.Condition.BoolIfExists };
      this.tag('boolmistake');
    }
    const identity = [document];
    if (rng.chance(0.7)) identity.push({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] });
    if (rng.chance(0.2)) identity.push(this.policy([this.identityStatement(this.focusActions('s3'))]));

    const policies = { identity, resource: null, permissionBoundaries: null, scps: null, rcps: null, session: null };
    const focus = this.focusActions(rng.pick(['iam', 'ec2', 's3']));
    if (rng.chance(0.1)) policies.permissionBoundaries = [this.boundary(focus)];
    if (rng.chance(0.15)) policies.scps = this.scps(focus);

    const listed = document.Statement.flatMap((s) => [s.Action ?? s.NotAction].flat()).filter((a) => a in ACTIONS);
    const action = rng.weighted({ listed: 45, ec2: 25, any: 30 });
    const chosen = action === 'listed' ? rng.pick(listed) : action === 'ec2' ? rng.pick(actionsOf('ec2')) : rng.pick(Object.keys(ACTIONS));

    this.remember('aws:MultiFactorAuthPresent', 'Bool', ['true', 'false']);
    const request = this.request(chosen);
    const mfa = rng.pick(['true', 'false', undefined]);
    delete request.context['aws:MultiFactorAuthPresent'];
    delete request.context['aws:multifactorauthpresent'];
    if (mfa !== undefined) request.context['aws:MultiFactorAuthPresent'] = mfa;
    this.tag(mfa === undefined ? 'mfaabsent' : `mfa${mfa}`);
    if (mfa === 'true' && rng.chance(0.5)) request.context['aws:MultiFactorAuthAge'] = rng.pick(['30', '900', '7200']);
    return { policies, request };
  }

  // ---- requests -----------------------------------------------------------------------------------

  /** Half the time an action the policies name (wildcards filled in), else one of the service's. */
  requestAction(service) {
    const rng = this.rng;
    if (this.actions.length > 0 && rng.chance(0.5)) {
      const pattern = rng.pick(this.actions);
      const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
      const matching = Object.keys(ACTIONS).filter((a) => regex.test(a));
      if (matching.length > 0) return rng.pick(matching);
    }
    return rng.chance(0.75) ? rng.pick(actionsOf(service)) : rng.pick(Object.keys(ACTIONS));
  }

  request(action) {
    const rng = this.rng;
    const kind = ACTIONS[action];
    let resource;
    if (kind === '*') resource = '*';
    else {
      const known = this.resources.filter((r) => resourceKind(r) === kind);
      const r = known.length > 0 && rng.chance(0.5) ? rng.pick(known) : resourceOf(rng, kind, this.resourceAccount, this.principal.username ?? 'alice', this.principal.team);
      resource = arnString({ ...r, account: r.account ? this.resourceAccount : '' });
    }
    return {
      principal: this.principal.arn,
      action,
      resource,
      resourceAccount: this.resourceAccount,
      context: this.context(),
    };
  }

  /**
   * The request context: what AWS would put there for this principal, and a value for each key
   * the policies test, taken from the policies' own values half the time; each key is absent
   * about one time in five.
   */
  context() {
    const rng = this.rng;
    const p = this.principal;
    const context = {};
    const facts = {
      'aws:username': p.username,
      'aws:PrincipalTag/team': p.team,
      'aws:PrincipalAccount': p.account,
      'aws:PrincipalArn': p.kind === 'session' ? p.roleArn : p.arn,
    };
    for (const [key, value] of Object.entries(facts)) {
      if (value !== undefined && rng.chance(key === 'aws:username' ? 0.9 : 0.6)) context[key] = value;
    }
    for (const [, tests] of this.conditionValues) {
      const key = canonicalKey(tests[0].key);
      const spec = KEYS[key];
      if (!spec || rng.chance(0.2)) {
        if (key in context && rng.chance(0.5)) delete context[key];
        continue;
      }
      // A key about the principal holds the principal's own value or is absent: AWS never sends an
      // aws:username or aws:PrincipalArn of someone else, and iam-simulate's case format is raw,
      // so such a case would test nothing AWS can do.
      if (key in facts) continue;
      context[key] = spec.multi ? this.multiValue(spec, tests) : this.singleValue(spec, tests);
    }
    return context;
  }

  singleValue(spec, allTests) {
    const rng = this.rng;
    const tests = allTests.filter((t) => !t.op.startsWith('Null'));
    if (tests.length > 0 && rng.chance(0.5)) {
      const fromPolicy = this.instantiate(spec, rng.pick(tests).value);
      if (fromPolicy !== undefined) return fromPolicy;
    }
    return rng.pick(spec.requestValues ?? spec.values);
  }

  multiValue(spec, allTests) {
    const rng = this.rng;
    const tests = allTests.filter((t) => !t.op.startsWith('Null'));
    const values = rng.sample(spec.values, rng.int(1, 3));
    if (tests.length > 0 && rng.chance(0.5)) {
      const v = this.instantiate(spec, rng.pick(tests).value);
      if (v !== undefined && !values.includes(v)) values[0] = v;
    }
    return [...new Set(values)];
  }

  /** A request value that meets (or, for range tests, sits at the edge of) a policy value. */
  instantiate(spec, policyValue) {
    const rng = this.rng;
    const p = this.principal;
    let v = policyValue
      .replace(/\$\{aws:username(, '[^']*')?\}/g, p.username ?? 'nobody')
      .replace(/\$\{aws:PrincipalTag\/team(, '[^']*')?\}/g, p.team);
    if (spec.type === 'Bool' && v !== 'true' && v !== 'false') return undefined;
    if (spec.type === 'Numeric') return String(Math.max(0, Number(v) + rng.pick([-1, 0, 0, 1])));
    if (spec.type === 'Epoch') return String(Number(v) + rng.pick([-86400, 0, 0, 86400]));
    if (spec.type === 'Date') {
      const t = Date.parse(v) + rng.pick([-86400000, 0, 0, 86400000]);
      return new Date(t).toISOString().replace('.000Z', 'Z');
    }
    if (spec.type === 'IP') {
      const base = v.split('/')[0];
      if (base.includes(':')) return base.toLowerCase().endsWith('::') ? `${base.toLowerCase()}1` : base.toLowerCase();
      const octets = base.split('.').map(Number);
      if (v.includes('/') && Number(v.split('/')[1]) < 32) octets[3] = (octets[3] + rng.int(1, 200)) % 256;
      return octets.join('.');
    }
    if (spec.type === 'ARN') v = v.replace(/:\*:/g, `:${ACCOUNT}:`).replace(/\*/g, () => rng.pick(['x', 'alice']));
    v = v.replace(/\*/g, () => rng.pick(['', 'x', 'alice'])).replace(/\?/g, () => rng.pick(['a', '1']));
    if (/\$\{/.test(v)) return undefined;
    return v;
  }
}

/**
 * Whether a negated string or ARN operator, or a NotResource, holds a policy variable with no value
 * in the request (no default, key absent or multivalued): the "effectively null" value of AWS's
 * "Policy variables with no value", on which iam-simulate departs (KNOWN_DIFFERENCES.md).
 */
function holdsNullVariable({ policies, request }) {
  const context = new Map(Object.entries(request.context).map(([k, v]) => [k.toLowerCase(), v]));
  const isNull = (text) =>
    [...String(text).matchAll(/\$\{([^},']+)(,[^}]*)?\}/g)].some(([, key, fallback]) => !fallback && typeof context.get(key.trim().toLowerCase()) !== 'string');
  const statements = [
    ...policies.identity, policies.resource, ...(policies.permissionBoundaries ?? []), ...(policies.scps ?? []).flat(),
    ...(policies.rcps ?? []).flat(), ...[policies.session ?? []].flat(),
  ].filter(Boolean).flatMap((p) => [p.Statement].flat());
  return statements.some((s) =>
    [s.NotResource ?? []].flat().some(isNull) ||
    Object.entries(s.Condition ?? {}).some(([op, kv]) => /^(ForAnyValue:|ForAllValues:)?(String|Arn)Not/.test(op) && Object.values(kv).flat().some(isNull)));
}

function nthIndexOf(text, char, n) {
  let i = -1;
  while (n-- > 0) i = text.indexOf(char, i + 1);
  return i;
}

function resourceKind(r) {
  switch (r.service) {
    case 's3':
      return r.name.includes('/') ? 's3object' : 's3bucket';
    case 'iam':
      return r.type === 'user/' ? 'user' : 'mfa';
    case 'ec2':
      return 'instance';
    case 'sqs':
      return 'queue';
    case 'sns':
      return 'topic';
    case 'dynamodb':
      return 'table';
    case 'lambda':
      return 'function';
    default:
      return 'secret';
  }
}

const KEY_NAMES = new Map(Object.keys(KEYS).map((k) => [k.toLowerCase(), k]));
function canonicalKey(key) {
  return KEY_NAMES.get(key.toLowerCase()) ?? key;
}
