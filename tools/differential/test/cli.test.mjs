import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const node = (args, input) => spawnSync(process.execPath, args, { cwd: dir, input, encoding: 'utf8' });

test('simulate.mjs answers every line, an error line for bad input, and goes on', () => {
  const input = [
    '{"id":"a","policies":{"identity":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}],"resource":null,"permissionBoundaries":null,"scps":null,"rcps":null,"session":null},"request":{"principal":"arn:aws:iam::111122223333:user/bob","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","resourceAccount":"111122223333","context":{}}}',
    'not json',
    '{"id":"c","policies":{},"request":{}}',
  ].join('\n');
  const out = node(['simulate.mjs', '-'], input).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out[0], { id: 'a', decision: 'ALLOWED' });
  assert.equal(out[1].id, null);
  assert.match(out[1].error, /line 2: not JSON/);
  assert.equal(out[2].id, 'c');
  assert.ok(out[2].error);
});

test('generate.mjs output is byte-identical for the same seed', () => {
  const a = execFileSync(process.execPath, ['generate.mjs', '--seed', '9', '--count', '200'], { cwd: dir });
  const b = execFileSync(process.execPath, ['generate.mjs', '--seed', '9', '--count', '200'], { cwd: dir });
  assert.ok(a.equals(b));
});

test('compare.mjs agrees with itself and fails on a changed decision', () => {
  const work = mkdtempSync(join(tmpdir(), 'iamunit-diff-'));
  const cases = join(work, 'cases.jsonl');
  writeFileSync(cases, execFileSync(process.execPath, ['generate.mjs', '--seed', '4', '--count', '300'], { cwd: dir }));
  const same = node(['compare.mjs', '--cases', cases, '--ours', 'node simulate.mjs -']);
  assert.equal(same.status, 0, same.stdout + same.stderr);
  assert.match(same.stdout, /unexplained disagreements: 0/);
  const flipped = node(['compare.mjs', '--cases', cases, '--ours', 'node simulate.mjs - | sed s/IMPLICIT_DENY/ALLOWED/']);
  assert.equal(flipped.status, 1);
  assert.match(flipped.stdout, /DISAGREEMENT s4-/);
});
