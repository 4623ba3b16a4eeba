#!/usr/bin/env node
// The ratios of issue 10, IAMUnit's decisions/s over iam-simulate runSimulation's, measured in
// short alternating rounds.
//
//   node paired.mjs FILE [--rounds R] [--round-seconds S] [--modes parse,compiled] [--warmup S] [--jar JAR]
//
// This machine runs CPU-bound code, Java and Node alike, at one of two speeds (about 1.65× apart)
// that alternate every 5 to 15 s. Timing one engine for seconds and then the other for minutes
// gives a ratio that depends on which speed each landed in, and running both at once makes them
// slow each other down. So both run as servers, kept warm, and only one is busy at any moment:
// per IAMUnit mode, rounds go J N J N ... J (J: IAMUnit, CaseFileRounds; N: iam-simulate,
// iam-simulate-throughput.mjs --serve), and each iam-simulate round is compared with the mean of
// the two IAMUnit rounds around it. A round that straddles a change of speed gives an outlier,
// hence the median and quartiles of the ratios rather than their mean.
//
// R is the number of iam-simulate rounds per mode (default: 60 s of them per mode); --warmup is
// the seconds each engine runs, in alternating rounds, before any is counted (IAMUnit's split
// between the modes). Prints one JSON object on stdout and a summary on stderr.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SECONDS_PER_MODE = 60;
const USAGE = 'usage: node paired.mjs FILE [--rounds R] [--round-seconds S] [--modes parse,compiled] [--warmup S] [--jar JAR]';
const MODES = ['parse', 'compiled'];
const MODE_NAMES = { parse: 'parse per decision', compiled: 'compiled once' };

function parseArgs(argv) {
  const options = {
    file: undefined,
    rounds: undefined,
    roundSeconds: 1,
    modes: MODES,
    warmup: 20,
    jar: fileURLToPath(new URL('../target/benchmarks.jar', import.meta.url)),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') options.rounds = Number(argv[++i]);
    else if (argv[i] === '--round-seconds') options.roundSeconds = Number(argv[++i]);
    else if (argv[i] === '--modes') options.modes = argv[++i].split(',');
    else if (argv[i] === '--warmup') options.warmup = Number(argv[++i]);
    else if (argv[i] === '--jar') options.jar = argv[++i];
    else if (!options.file) options.file = argv[i];
    else throw new Error(`unexpected argument ${argv[i]}\n${USAGE}`);
  }
  options.rounds ??= Math.ceil(SECONDS_PER_MODE / options.roundSeconds);
  const valid =
    options.file &&
    Number.isInteger(options.rounds) && options.rounds > 0 &&
    options.roundSeconds > 0 &&
    options.warmup >= 0 &&
    options.modes.length > 0 && options.modes.every((m) => MODES.includes(m));
  if (!valid) throw new Error(USAGE);
  return options;
}

/**
 * Starts a server that prints one JSON line when it is ready and then answers each command line
 * with one JSON line. Its stderr goes to ours, so that its errors are seen.
 */
async function start(name, command, args) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await answers.next();
    if (done) throw new Error(`${name} stopped before it answered`);
    return JSON.parse(value);
  };
  const ready = await next();
  return {
    ready,
    ask: (line) => {
      child.stdin.write(`${line}\n`);
      return next();
    },
    stop: () => child.stdin.end(),
  };
}

async function rate(server, command) {
  const { decisions, seconds } = await server.ask(command);
  return decisions / seconds;
}

/** Both engines take turns until each has run `warmup` seconds, so that both JITs settle. */
async function warmUp(iamunit, iamSimulate, { modes, roundSeconds, warmup }) {
  const turns = Math.ceil(warmup / roundSeconds);
  for (let i = 0; i < turns; i++) {
    await iamunit.ask(`${modes[i % modes.length]} ${roundSeconds}`);
    await iamSimulate.ask(`run ${roundSeconds}`);
  }
}

/** J N J ... N J: each iam-simulate round between two IAMUnit rounds of `mode`. */
async function pairedRounds(iamunit, iamSimulate, mode, { rounds, roundSeconds }) {
  const iamunitRates = [await rate(iamunit, `${mode} ${roundSeconds}`)];
  const iamSimulateRates = [];
  for (let i = 0; i < rounds; i++) {
    iamSimulateRates.push(await rate(iamSimulate, `run ${roundSeconds}`));
    iamunitRates.push(await rate(iamunit, `${mode} ${roundSeconds}`));
  }
  const ratios = iamSimulateRates.map((n, i) => (iamunitRates[i] + iamunitRates[i + 1]) / 2 / n);
  return {
    rounds,
    ratio: quartiles(ratios),
    ratios: ratios.map((r) => round(r, 2)),
    iamunit: iamunitRates.map((r) => round(r, 0)),
    iamSimulate: iamSimulateRates.map((r) => round(r, 0)),
  };
}

/** Quartiles with linear interpolation between the sorted values. */
function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => {
    const x = p * (sorted.length - 1);
    const below = sorted[Math.floor(x)];
    return below + (sorted[Math.ceil(x)] - below) * (x - Math.floor(x));
  };
  return { q1: round(at(0.25), 2), median: round(at(0.5), 2), q3: round(at(0.75), 2) };
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const thousands = (x) => `${(x / 1000).toFixed(x < 10_000 ? 2 : 0)} K`;

function summary(mode, { rounds, ratio, iamunit, iamSimulate }) {
  const spread = (rates) => `${thousands(Math.min(...rates))}–${thousands(Math.max(...rates))}`;
  const times = (x) => `${x.toFixed(x < 100 ? 1 : 0)}×`;
  return `${MODE_NAMES[mode]}: ${times(ratio.median)} runSimulation (quartiles ${times(ratio.q1)}–${times(ratio.q3)}), ` +
    `${rounds} rounds; IAMUnit ${spread(iamunit)}, iam-simulate ${spread(iamSimulate)} decisions/s`;
}

const options = parseArgs(process.argv.slice(2));
const iamunit = await start('CaseFileRounds', 'java', ['-cp', options.jar, 'dev.iamunit.benchmarks.CaseFileRounds', options.file]);
const iamSimulate = await start('iam-simulate-throughput.mjs', process.execPath, [
  fileURLToPath(new URL('iam-simulate-throughput.mjs', import.meta.url)),
  options.file, '--serve', '--entry', 'simulation', '--warmup', '0',
]);
if (iamunit.ready.cases !== iamSimulate.ready.cases) {
  throw new Error(`IAMUnit decides ${iamunit.ready.cases} of the cases, iam-simulate ${iamSimulate.ready.cases}: they would time different sets`);
}
console.error(`paired: ${options.warmup} s of warm-up each, then ${options.rounds} rounds of ${options.roundSeconds} s per mode`);
await warmUp(iamunit, iamSimulate, options);
const modes = {};
for (const mode of options.modes) {
  modes[mode] = await pairedRounds(iamunit, iamSimulate, mode, options);
  console.error(summary(mode, modes[mode]));
}
iamunit.stop();
iamSimulate.stop();
console.log(JSON.stringify({
  cases: iamunit.ready.cases,
  iamSimulate: { version: iamSimulate.ready.version, entry: iamSimulate.ready.entry, disagreements: iamSimulate.ready.disagreements },
  roundSeconds: options.roundSeconds,
  warmupSeconds: options.warmup,
  modes,
}));
