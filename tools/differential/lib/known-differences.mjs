// Reads the table of KNOWN_DIFFERENCES.md: each row names a family of cases by an id glob and
// the two decisions it expects; a disagreement that a row matches is known, any other fails.

import { readFileSync } from 'node:fs';

const HEADER = ['case ids', 'ours', 'iam-simulate', 'what differs', 'aws documentation'];
const DECISION = /^(ALLOWED|EXPLICIT_DENY|IMPLICIT_DENY|ERROR|\*)$/;

function cells(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

const unquote = (text) => text.replace(/^`(.*)`$/, '$1');

function globToRegex(glob) {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** Parses the markdown; throws with the line number on a malformed row. */
export function parseKnownDifferences(markdown, file = 'KNOWN_DIFFERENCES.md') {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('|') && cells(l).map((c) => c.toLowerCase()).join('|') === HEADER.join('|'));
  if (start < 0) throw new Error(`${file}: no table with the header | ${HEADER.join(' | ')} |`);
  const rows = [];
  for (let i = start + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const [ids, ours, theirs, what, docs] = cells(lines[i]);
    const where = `${file}:${i + 1}`;
    if ([ids, ours, theirs, what, docs].some((c) => !c)) throw new Error(`${where}: a row needs all five cells`);
    const [o, t] = [unquote(ours), unquote(theirs)];
    if (!DECISION.test(o) || !DECISION.test(t)) throw new Error(`${where}: decisions are ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY, ERROR or *`);
    if (!/https:\/\/docs\.aws\.amazon\.com\//.test(docs)) throw new Error(`${where}: cite the AWS documentation (a docs.aws.amazon.com link) that proves our answer`);
    rows.push({ line: i + 1, ids: unquote(ids), pattern: globToRegex(unquote(ids)), ours: o, theirs: t, what });
  }
  return rows;
}

export function loadKnownDifferences(path) {
  return parseKnownDifferences(readFileSync(path, 'utf8'), path);
}

/** The first row that explains this disagreement, or undefined. */
export function findKnown(rows, id, ours, theirs) {
  return rows.find((r) => r.pattern.test(String(id)) && (r.ours === '*' || r.ours === ours) && (r.theirs === '*' || r.theirs === theirs));
}
