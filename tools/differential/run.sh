#!/usr/bin/env bash
# Differential test of IAMUnit's evaluator against iam-simulate with a fixed seed.
#
#   tools/differential/run.sh [OURS_COMMAND]
#
# OURS_COMMAND reads JSON Lines cases on stdin and writes one decision per line; it runs from the
# repository root. Default: the IAMUnit CLI jar. SEED and COUNT override the fixed seed and count.
# Then the fixed cases of cases/*.jsonl against the same command. The exit status is the worst.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ours="${1:-java -jar iamunit-cli/target/iamunit.jar evaluate --jsonl -}"
seed="${SEED:-20250101}"
count="${COUNT:-3000}"

if [[ ! -d "$here/node_modules" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

mkdir -p "$here/target"
cases="$here/target/cases-s$seed-n$count.jsonl"
node "$here/generate.mjs" --seed "$seed" --count "$count" --out "$cases"

cd "$root"
status=0
node "$here/compare.mjs" --cases "$cases" --ours "$ours" || status=$?
# The hand-written cases of cases/ (README.md, "Fixed cases"), each with its own answers in target/.
for fixed in "$here"/cases/*.jsonl; do
  [[ -e "$fixed" ]] || continue
  code=0
  node "$here/compare.mjs" --cases "$fixed" --ours "$ours" --out "$here/target/$(basename "$fixed" .jsonl).out" || code=$?
  (( code > status )) && status=$code
done
exit "$status"
