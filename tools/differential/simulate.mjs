#!/usr/bin/env node
// Evaluates IAMUnit JSON Lines cases with iam-simulate's core engine.
//
//   node simulate.mjs [--explain] [FILE|-]
//
// Reads one case per line (DESIGN.md, "Differential testing") from FILE or stdin and writes one
// line per case: {"id":..,"decision":"ALLOWED"|"EXPLICIT_DENY"|"IMPLICIT_DENY"}, or
// {"id":..,"error":".."} for a line it cannot evaluate; the run goes on after an error.
// --explain adds iam-simulate's reasons as "explanation".

import { simulate } from './lib/iam-simulate.mjs';
import { JsonLinesWriter, openInput, readJsonLines } from './lib/jsonl.mjs';

const USAGE = 'usage: node simulate.mjs [--explain] [FILE|-]';

function parseArgs(argv) {
  const options = { explain: false, input: '-' };
  const positional = [];
  for (const arg of argv) {
    if (arg === '--explain') options.explain = true;
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new Error('at most one input file');
  if (positional.length === 1) options.input = positional[0];
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`simulate.mjs: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const out = new JsonLinesWriter(process.stdout);
  for await (const { value, error } of readJsonLines(openInput(options.input))) {
    await out.write(error ? { id: null, error } : await simulate(value, { withExplanation: options.explain }));
  }
}

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

await main();
