#!/usr/bin/env node
// Writes `count` random cases of seed `seed` as JSON Lines (DESIGN.md, "Differential testing").
//
//   node generate.mjs --seed N --count M [--start K] [--out FILE]
//
// Case i of a seed is the same on every run and machine, whatever --count is, so
// `--seed 7 --start 41 --count 1` regenerates case s7-41 alone.

import { createWriteStream } from 'node:fs';
import { generateCase } from './lib/generator.mjs';
import { JsonLinesWriter } from './lib/jsonl.mjs';

const USAGE = 'usage: node generate.mjs --seed N --count M [--start K] [--out FILE]';

function parseArgs(argv) {
  const options = { seed: undefined, count: undefined, start: 0, out: '-' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    const integer = (text) => {
      if (!/^\d+$/.test(text)) throw new Error(`${arg} must be a non-negative integer, not ${text}`);
      return Number(text);
    };
    if (arg === '--seed') options.seed = integer(value());
    else if (arg === '--count') options.count = integer(value());
    else if (arg === '--start') options.start = integer(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (options.seed === undefined || options.count === undefined) throw new Error('--seed and --count are required');
  if (options.seed > 0xffffffff) throw new Error('--seed must fit in 32 bits');
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`generate.mjs: ${e.message}\n${USAGE}`);
  process.exit(2);
}

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const out = new JsonLinesWriter(options.out === '-' ? process.stdout : createWriteStream(options.out));
for (let i = options.start; i < options.start + options.count; i++) await out.write(generateCase(options.seed, i));
await out.end();
