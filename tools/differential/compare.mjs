#!/usr/bin/env node
// Feeds the same JSON Lines cases to iam-simulate (in this process) and to IAMUnit's evaluator
// (a separate process reading cases on stdin and writing one decision line per case on stdout),
// lists every disagreement and fails unless KNOWN_DIFFERENCES.md explains each one.
//
//   node compare.mjs --cases FILE --ours "<command>" [--out DIR] [--known FILE] [--max-listed N]
//
// Both sides run at once, each writing its answers to DIR (default FILE.out/); a final pass reads
// the cases and both answer files line by line, so memory stays flat for any number of cases.
// Exit status: 0 no unexplained disagreement, 1 unexplained disagreements, 2 the run itself failed.

import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, openSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from './lib/iam-simulate.mjs';
import { JsonLinesWriter, openInput, readJsonLines } from './lib/jsonl.mjs';
import { findKnown, loadKnownDifferences } from './lib/known-differences.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: node compare.mjs --cases FILE --ours "<command>" [--out DIR] [--known FILE] [--max-listed N]';

class RunFailure extends Error {}

function parseArgs(argv) {
  const options = { cases: undefined, ours: undefined, out: undefined, known: join(HERE, 'KNOWN_DIFFERENCES.md'), maxListed: 100 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--cases') options.cases = value();
    else if (arg === '--ours') options.ours = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--known') options.known = value();
    else if (arg === '--max-listed') options.maxListed = Number(value());
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.cases || !options.ours) throw new Error('--cases and --ours are required');
  if (options.cases === '-') throw new Error('--cases must be a file: both sides read it');
  if (!Number.isInteger(options.maxListed) || options.maxListed < 0) throw new Error('--max-listed must be a non-negative integer');
  options.out ??= `${options.cases}.out`;
  return options;
}

/** Runs our evaluator: cases file on its stdin, its stdout into `outPath`. */
function runOurs(command, casesPath, outPath) {
  const started = process.hrtime.bigint();
  const outFd = openSync(outPath, 'w');
  const child = spawn('bash', ['-c', command], { stdio: ['pipe', outFd, 'inherit'] });
  closeSync(outFd);
  const input = createReadStream(casesPath);
  input.pipe(child.stdin);
  child.stdin.on('error', () => {}); // it may exit before reading everything; its status says why
  return new Promise((resolvePromise, reject) => {
    child.on('error', (e) => reject(new RunFailure(`cannot start ${command}: ${e.message}`)));
    child.on('close', (code, signal) => {
      input.destroy();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new RunFailure(`our evaluator (${command}) exited with ${signal ?? `status ${code}`}`));
      else resolvePromise(seconds);
    });
  });
}

/** Runs iam-simulate over the cases; returns [cases, seconds spent in iam-simulate]. */
async function runIamSimulate(casesPath, outPath) {
  const out = new JsonLinesWriter(createWriteStream(outPath));
  let cases = 0;
  let busy = 0n;
  for await (const { value, error } of readJsonLines(openInput(casesPath))) {
    const t = process.hrtime.bigint();
    const answer = error ? { id: null, error } : await simulate(value, { withExplanation: true });
    busy += process.hrtime.bigint() - t;
    cases++;
    await out.write(answer);
  }
  await out.end();
  return [cases, Number(busy) / 1e9];
}

function lines(path) {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })[Symbol.asyncIterator]();
}

async function nextNonBlank(iterator) {
  for (;;) {
    const { value, done } = await iterator.next();
    if (done) return undefined;
    if (value.trim() !== '') return value;
  }
}

const outcome = (answer) => answer.decision ?? (answer.error !== undefined ? 'ERROR' : 'INVALID');

function parseAnswer(text, n) {
  try {
    const answer = JSON.parse(text);
    if (answer && typeof answer === 'object') return answer;
  } catch {
    // reported below
  }
  throw new RunFailure(`our evaluator's answer ${n} is not a JSON object: ${text.slice(0, 200)}`);
}

/** Reads the cases and both answer files in step; yields every case where the answers differ. */
async function* disagreements(casesPath, oursPath, theirsPath, tally) {
  const [cases, ours, theirs] = [lines(casesPath), lines(oursPath), lines(theirsPath)];
  for (let n = 1; ; n++) {
    const caseText = await nextNonBlank(cases);
    const oursText = await nextNonBlank(ours);
    const theirsText = await nextNonBlank(theirs);
    if (caseText === undefined) {
      if (oursText !== undefined) throw new RunFailure(`our evaluator wrote more answers than there are cases`);
      return;
    }
    if (oursText === undefined) throw new RunFailure(`our evaluator wrote ${n - 1} answers for more cases; case ${n} has none`);
    const o = parseAnswer(oursText, n);
    const t = JSON.parse(theirsText);
    if (t.id !== null && o.id !== t.id) throw new RunFailure(`answer ${n} of our evaluator is for id ${JSON.stringify(o.id)}, expected ${JSON.stringify(t.id)}: answers must come in input order`);
    tally.cases++;
    const [oo, to] = [outcome(o), outcome(t)];
    if (oo === 'INVALID') throw new RunFailure(`answer ${n} of our evaluator has neither decision nor error: ${oursText.slice(0, 200)}`);
    if (oo === 'ERROR' && to === 'ERROR') tally.bothRejected++;
    else if (oo === to) tally.agreed++;
    else yield { id: t.id ?? o.id, ours: o, theirs: t, oursOutcome: oo, theirsOutcome: to, caseText };
  }
}

function describe(answer) {
  if (answer.error !== undefined) return `ERROR ${answer.error}`;
  const parts = [answer.decision];
  if (answer.explanation) parts.push(`(${answer.explanation})`);
  if (Array.isArray(answer.matched) && answer.matched.length > 0) {
    parts.push(`(matched ${answer.matched.map((m) => [m.policy, m.sid, m.effect].filter(Boolean).join(' ')).join('; ')})`);
  }
  return parts.join(' ');
}

const rate = (cases, seconds) => (seconds > 0 ? `${Math.round(cases / seconds).toLocaleString('en-US')} cases/s` : 'n/a');

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`compare.mjs: ${e.message}\n${USAGE}`);
    return 2;
  }
  const known = loadKnownDifferences(options.known);
  mkdirSync(options.out, { recursive: true });
  const oursPath = join(options.out, 'ours.jsonl');
  const theirsPath = join(options.out, 'iam-simulate.jsonl');
  const disagreementsPath = join(options.out, 'disagreements.jsonl');

  const started = process.hrtime.bigint();
  const [oursSeconds, [caseCount, theirsSeconds]] = await Promise.all([
    runOurs(options.ours, options.cases, oursPath),
    runIamSimulate(options.cases, theirsPath),
  ]);

  const tally = { cases: 0, agreed: 0, bothRejected: 0 };
  const byRow = new Map();
  const unexplained = [];
  let listed = 0;
  const report = new JsonLinesWriter(createWriteStream(disagreementsPath));
  for await (const d of disagreements(options.cases, oursPath, theirsPath, tally)) {
    const row = findKnown(known, d.id, d.oursOutcome, d.theirsOutcome);
    await report.write({ id: d.id, ours: d.ours, iamSimulate: d.theirs, known: row ? `KNOWN_DIFFERENCES.md:${row.line}` : null, case: JSON.parse(d.caseText) });
    if (row) {
      byRow.set(row, (byRow.get(row) ?? 0) + 1);
      continue;
    }
    unexplained.push(d.id);
    if (listed++ < options.maxListed) {
      console.log(`DISAGREEMENT ${d.id}`);
      console.log(`  ours:         ${describe(d.ours)}`);
      console.log(`  iam-simulate: ${describe(d.theirs)}`);
      console.log(`  case:         ${d.caseText}`);
    }
  }
  await report.end();
  const wall = Number(process.hrtime.bigint() - started) / 1e9;

  if (listed > options.maxListed) console.log(`... ${listed - options.maxListed} more unexplained disagreements in ${disagreementsPath}`);
  console.log('');
  console.log(`cases:                    ${tally.cases}`);
  console.log(`agreed:                   ${tally.agreed}`);
  console.log(`rejected by both:         ${tally.bothRejected}`);
  for (const [row, count] of byRow) console.log(`known (line ${row.line}, ${row.ids}): ${count}  ${row.what}`);
  console.log(`unexplained disagreements: ${unexplained.length}`);
  console.log(`iam-simulate:             ${rate(caseCount, theirsSeconds)} (${theirsSeconds.toFixed(1)} s evaluating)`);
  console.log(`ours:                     ${rate(tally.cases, oursSeconds)} (${oursSeconds.toFixed(1)} s wall, process start included)`);
  console.log(`total:                    ${wall.toFixed(1)} s; answers and disagreements in ${resolve(options.out)}`);
  return unexplained.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`compare.mjs: ${e instanceof RunFailure ? e.message : e.stack}`);
  process.exitCode = 2;
}
