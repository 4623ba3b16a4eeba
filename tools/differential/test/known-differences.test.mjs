import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findKnown, loadKnownDifferences, parseKnownDifferences } from '../lib/known-differences.mjs';

const HEADER = '| Case ids | Ours | iam-simulate | What differs | AWS documentation |\n| --- | --- | --- | --- | --- |\n';

test('the committed KNOWN_DIFFERENCES.md parses', () => {
  loadKnownDifferences(fileURLToPath(new URL('../KNOWN_DIFFERENCES.md', import.meta.url)));
});

test('a row matches by id glob and both decisions', () => {
  const rows = parseKnownDifferences(
    HEADER + '| `*+rcp*` | `IMPLICIT_DENY` | `EXPLICIT_DENY` | RCPs on EC2 | https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html |\n',
  );
  assert.ok(findKnown(rows, 's1-3+rcp+xacct', 'IMPLICIT_DENY', 'EXPLICIT_DENY'));
  assert.equal(findKnown(rows, 's1-3+rcp+xacct', 'ALLOWED', 'EXPLICIT_DENY'), undefined);
  assert.equal(findKnown(rows, 's1-3+scp1', 'IMPLICIT_DENY', 'EXPLICIT_DENY'), undefined);
});

test('a row without AWS documentation is refused', () => {
  assert.throws(() => parseKnownDifferences(HEADER + '| `*` | * | * | everything | trust me |\n'), /docs\.aws\.amazon\.com/);
});
