#!/usr/bin/env bash
# IAMUnit against @cloud-copilot/iam-simulate on the same cases, in one run on this machine.
#
#   benchmarks/compare/run.sh [--offline]
#
# 1. builds benchmarks/target/benchmarks.jar;
# 2. writes the seed 003 request mix as JSON Lines (ForceMfaCases) to benchmarks/target/compare/;
# 3. times iam-simulate on those cases in a Node process (separate from the JVM: AGPL), once
#    through its public runSimulation and once through its internal core engine;
# 4. times IAMUnit on the same cases with JMH (compiled once, parse per decision) and case (a)
#    through Caller (decide, evaluate), with the gc profiler for bytes allocated per decision;
# 5. times both again in alternating rounds of about 1 s (paired.mjs): this machine switches
#    between two speeds every 5 to 15 s, so the ratios of steps 3 and 4, minutes apart, depend on
#    which speed each landed in, while neighbouring rounds share one;
# 6. prints decisions/s and bytes per decision from steps 3 and 4, and the targets of issue 10,
#    the two ratios checked on step 5's medians.
# Steps 3, 4 and 5 run one after the other, and only one engine is busy at any moment: the
# machine's cores are shared. JMH_ARGS, SIMULATE_SECONDS and PAIRED_ARGS (paired.mjs's flags)
# override the defaults below. JMH: two forks and 16 s of warm-up per fork, so that its scores
# span both of the machine's speeds (benchmarks/README.md, "Two speeds") rather than one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/benchmarks/target/compare"
offline=()
if [[ "${1:-}" == "--offline" ]]; then offline=(-o); fi

cd "$root"
mvn -q -B "${offline[@]}" -pl benchmarks -am -DskipTests package
jar="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$out"
java -cp "$jar" dev.iamunit.benchmarks.ForceMfaCases "$out/force-mfa-cases.jsonl"

if [[ ! -d "$here/node_modules/@cloud-copilot/iam-simulate" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
for entry in simulation core; do
  echo "iam-simulate ($entry): ${SIMULATE_SECONDS:-10} s on the cases..."
  node "$here/iam-simulate-throughput.mjs" "$out/force-mfa-cases.jsonl" --entry "$entry" \
    --seconds "${SIMULATE_SECONDS:-10}" --warmup 3 > "$out/iam-simulate-$entry.json"
done

echo "IAMUnit: JMH on the same cases..."
# shellcheck disable=SC2086
java -jar "$jar" 'ForceMfaBenchmark|CaseFileBenchmark' -p file="$out/force-mfa-cases.jsonl" \
  ${JMH_ARGS:--f 2 -wi 8 -i 3 -w 2s -r 2s} -prof gc -rf json -rff "$out/jmh.json" > "$out/jmh.txt"

echo "IAMUnit and iam-simulate (runSimulation) in alternating rounds..."
# shellcheck disable=SC2086
node "$here/paired.mjs" "$out/force-mfa-cases.jsonl" --jar "$jar" ${PAIRED_ARGS:-} > "$out/paired.json"

node "$here/report.mjs" "$out/iam-simulate-simulation.json" "$out/iam-simulate-core.json" "$out/jmh.json" \
  "$out/paired.json" | tee "$out/report.txt"
