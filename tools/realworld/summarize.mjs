// Summarizes `iamunit show --json` outputs of the real-world units (run.sh writes index.tsv: one
// line per unit with repository, path, format, exit status and the stem of its .json/.err files).
// Prints a Markdown table per unit (principals, statements, problems, unresolved) and the
// unresolved values by cause over all units. A cause groups Unresolved.reason texts: the first
// rule of CAUSES whose pattern matches the reason names it; a reason no rule matches is shown as
// "other: <its first words>", so that a new kind of reason shows up rather than hides.
import { readFileSync } from 'node:fs';

const CAUSES = [
  [/run terraform init|terraform get/, 'module from a registry or git, not installed (terraform init)'],
  [/has no Default and was given no value|has no default and was given no value|the variable has no value|was given no value/,
    'input without a value (variable or parameter)'],
  [/read from SSM parameter/, 'SSM parameter read at deployment'],
  [/no loaded stack exports/, 'import that no loaded stack exports'],
  [/the name of the export cannot be computed|export name that imports/, 'import whose name cannot be computed'],
  [/generates? the name|generates .* at deployment|name AWS generates|AWS generates|S3 generates|generated/,
    'name or id AWS generates (none given)'],
  [/is computed by AWS when the resource is created|only after deployment|known after apply/,
    'attribute known only after apply/deployment'],
  [/CloudFormation sets .* at deployment/, 'pseudo parameter set at deployment'],
  [/data source .* is read when Terraform plans|reads this attribute from the account|read from the account/,
    'data source read from the account at plan'],
  [/not evaluated|does not model/, 'resource policy of a type not evaluated'],
  [/exists is unknown/, 'existence unknown (count, for_each, Condition)'],
  [/^(each\.(key|value)|count\.index) of /, 'each.key, each.value or count.index of a count/for_each that cannot be computed'],
  [/refers to (role|user|group|policy) "<unknown>"|refers to .* which the loaded sources do not declare/,
    'reference to a principal whose name cannot be computed'],
  [/is given .*\(|depends on|compares|dynamic "statement" blocks are left out/, 'derived from another unresolved value'],
  [/nested stack|TemplateURL|Serverless Application Repository/, 'nested stack template not loaded'],
  [/AWS managed policy not found/, 'AWS managed policy not in the bundled data'],
];

function cause(reason) {
  for (const [pattern, name] of CAUSES) {
    if (pattern.test(reason)) return name;
  }
  return 'other: ' + reason.split(/\s+/).slice(0, 8).join(' ');
}

const index = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => l.split('\t'));
const totals = new Map();
const rows = [];
for (const [repository, path, format, status, stem] of index) {
  const unit = `${repository} ${path}`;
  if (status !== '0') {
    const err = readFileSync(stem + '.err', 'utf8').trim().split('\n')[0];
    rows.push(`| ${unit} | ${format} | load failed (exit ${status}): ${err.replace(/\|/g, '\\|').slice(0, 160)} | | | |`);
    totals.set('unit failed to load', (totals.get('unit failed to load') ?? 0) + 1);
    continue;
  }
  const source = JSON.parse(readFileSync(stem + '.json', 'utf8')).sources[0];
  const principals = source.users.length + source.groups.length + source.roles.length;
  const policies = [
    ...['users', 'groups', 'roles'].flatMap((k) => source[k].flatMap((p) => [...(p.inlinePolicies ?? []), ...(p.trustPolicy ? [p.trustPolicy] : [])])),
    ...source.managedPolicies.filter((m) => !m.awsManaged).map((m) => m.policy),
    ...source.resourcePolicies.map((r) => r.policy),
    ...(source.serviceControlPolicies ?? []).flat(),
    ...(source.resourceControlPolicies ?? []).flat(),
  ];
  const statements = policies.reduce((n, p) => n + p.statements.length, 0);
  const byCause = new Map();
  for (const u of source.unresolved) {
    const c = cause(u.reason);
    byCause.set(c, (byCause.get(c) ?? 0) + 1);
    totals.set(c, (totals.get(c) ?? 0) + 1);
  }
  const causes = [...byCause].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${n} ${c}`).join('; ');
  rows.push(`| ${unit} | ${format} | ${principals} | ${statements} | ${source.problems.length} | ${source.unresolved.length}${causes ? ': ' + causes : ''} |`);
}
console.log('| unit | format | principals | statements | problems | unresolved (by cause) |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
rows.forEach((r) => console.log(r));
console.log('');
console.log('| cause | unresolved values |');
console.log('| --- | ---: |');
[...totals].sort((a, b) => b[1] - a[1]).forEach(([c, n]) => console.log(`| ${c} | ${n} |`));
if (process.env.REALWORLD_REASONS) {
  for (const [, , , status, stem] of index) {
    if (status !== '0') continue;
    for (const u of JSON.parse(readFileSync(stem + '.json', 'utf8')).sources[0].unresolved) {
      console.error(`${cause(u.reason)}\t${u.expression}\t${u.reason}`);
    }
  }
}
