#!/usr/bin/env node
// Prints the comparison table of benchmarks/compare/run.sh and checks the targets of issue 10.
//
//   node report.mjs SIMULATION.json CORE.json JMH.json PAIRED.json
//
// SIMULATION.json and CORE.json: the lines iam-simulate-throughput.mjs printed with --entry
// simulation and --entry core. JMH.json: JMH's -rf json results of ForceMfaBenchmark and
// CaseFileBenchmark on the same case file, with -prof gc. PAIRED.json: what paired.mjs printed.
// Every number compared comes from the same run on the same machine; ranges are the lowest and
// highest measurement iteration, because a shared machine makes single scores noisy.
//
// The two ratio targets of issue 10 are checked against runSimulation: it is what a user of
// iam-simulate calls, it validates policies and request as IAMUnit's parse-per-decision path does,
// and its speed is what the issue describes ("about 2,000 decisions per second ... it re-parses
// every policy per call"). They are checked on paired.mjs's alternating rounds, not on JMH's
// score over the one-shot run's: this machine switches between two speeds every few seconds, so
// two runs minutes apart can each land in either. The table keeps JMH's numbers for decisions/s and
// bytes per decision; the unpaired ratios, and those against the core engine (which skips the
// validation), are printed below the targets for information.

import { readFileSync } from 'node:fs';

const [simulationFile, coreFile, jmhFile, pairedFile] = process.argv.slice(2);
if (!simulationFile || !coreFile || !jmhFile || !pairedFile) {
  console.error('usage: node report.mjs SIMULATION.json CORE.json JMH.json PAIRED.json');
  process.exit(2);
}
const simulate = JSON.parse(readFileSync(simulationFile, 'utf8'));
const core = JSON.parse(readFileSync(coreFile, 'utf8'));
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8'));
const paired = JSON.parse(readFileSync(pairedFile, 'utf8'));

function result(name) {
  const found = jmh.find((r) => r.benchmark.endsWith(name));
  if (!found) throw new Error(`no JMH result for ${name} in ${jmhFile}`);
  const iterations = found.primaryMetric.rawData.flat();
  const alloc = Object.entries(found.secondaryMetrics ?? {}).find(([key]) => key.endsWith('gc.alloc.rate.norm'));
  return {
    score: found.primaryMetric.score,
    low: Math.min(...iterations),
    high: Math.max(...iterations),
    bytes: alloc ? alloc[1].score : undefined,
  };
}

function pairedRounds(mode) {
  const found = paired.modes[mode];
  if (!found) throw new Error(`no paired rounds of ${mode} in ${pairedFile}`);
  return found;
}

const compiled = result('CaseFileBenchmark.compiledOnce');
const parsed = result('CaseFileBenchmark.parsePerDecision');
const decide = result('ForceMfaBenchmark.decide');
const evaluate = result('ForceMfaBenchmark.evaluate');
const recorded = result('ForceMfaBenchmark.evaluateRecorded');

const n = (x) => Math.round(x).toLocaleString('en-US');
const range = (r) => `${n(r.score)} (${n(r.low)}–${n(r.high)})`;
const times = (x) => `${x < 100 ? x.toFixed(1) : n(x)}×`;
const medianOfRounds = ({ ratio, rounds }) => `${times(ratio.median)} median (quartiles ${times(ratio.q1)}–${times(ratio.q3)}), ${rounds} rounds`;
const bytes = (r) => (r.bytes === undefined ? '–' : `${n(r.bytes)} B`);

const rows = [
  ['iam-simulate ' + simulate.version + ', runSimulation (public API)', n(simulate.decisionsPerSecond), '–'],
  ['iam-simulate ' + core.version + ', core engine, policies loaded per call', n(core.decisionsPerSecond), '–'],
  ['IAMUnit, parse per decision (CaseFormat.read + decide)', range(parsed), bytes(parsed)],
  ['IAMUnit, compiled once (decide)', range(compiled), bytes(compiled)],
  ['IAMUnit, case (a) via Caller, decide (explanation off)', range(decide), bytes(decide)],
  ['IAMUnit, case (a) via Caller, evaluate (explanation on)', range(evaluate), bytes(evaluate)],
  ['IAMUnit, case (a) via Caller, evaluate with coverage recorded', range(recorded), bytes(recorded)],
];
const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['what', 'decisions/s/thread (range)', 'allocated/decision'][c].length));
const line = (cells) => '| ' + cells.map((cell, c) => cell.padEnd(width[c])).join(' | ') + ' |';
console.log(`\nSame ${simulate.cases} cases (seed 003 mix), same run, one thread each; iam-simulate disagreed on ` +
  `${simulate.disagreements.length} through runSimulation and ${core.disagreements.length} through its core engine.\n`);
console.log(line(['what', 'decisions/s/thread (range)', 'allocated/decision']));
console.log(line(width.map((w) => '-'.repeat(w))));
rows.forEach((r) => console.log(line(r)));

const pairedCompiled = pairedRounds('compiled');
const pairedParsed = pairedRounds('parse');
const targets = [
  ['compiled once vs iam-simulate runSimulation, paired rounds', pairedCompiled.ratio.median, () => medianOfRounds(pairedCompiled), (x) => x >= 500, '≥ 500×'],
  ['parse per decision vs iam-simulate runSimulation, paired rounds', pairedParsed.ratio.median, () => medianOfRounds(pairedParsed), (x) => x >= 50, '≥ 50×'],
  ['case (a) decide, decisions/s/thread', decide.score, n, (x) => x >= 1_000_000, '≥ 1,000,000'],
  ['case (a) decide, bytes allocated/decision', decide.bytes ?? NaN, n, (x) => x < 1024, '< 1 KB'],
  ['full explanation cost vs bare decision', decide.score / evaluate.score, (x) => `${x.toFixed(2)}×`, (x) => x <= 3, '≤ 3×'],
];
console.log('');
for (const [what, value, format, ok, target] of targets) {
  console.log(`${ok(value) ? 'met   ' : 'MISSED'}  ${what}: ${format(value)} (target ${target})`);
}
console.log('\nUnpaired, JMH\'s scores over the one-shot iam-simulate runs of the table (each run may have ' +
  'landed in either of the two speeds), for information:');
for (const [entry, run] of [['runSimulation', simulate], ['core engine (no validation)', core]]) {
  console.log(`        vs ${entry}: compiled once ${times(compiled.score / run.decisionsPerSecond)}; ` +
    `parse per decision ${times(parsed.score / run.decisionsPerSecond)}`);
}
for (const [entry, run] of [['runSimulation', simulate], ['core engine', core]]) {
  if (run.disagreements.length > 0) {
    console.log(`\niam-simulate (${entry}) decided differently on:`);
    run.disagreements.forEach((d) => console.log(`  ${d.id}: iam-simulate ${d.iamSimulate}, IAMUnit ${d.iamunit}`));
  }
}
