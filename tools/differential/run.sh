#!/usr/bin/env bash
# Differential test of IAMUnit's evaluator against iam-simulate with a fixed seed.
#
#   tools/differential/run.sh [OURS_COMMAND]
#
# OURS_COMMAND reads JSON Lines cases on stdin and writes one decision per line; it runs from the
# repository root. Default: the IAMUnit CLI jar. SEED and COUNT override the fixed seed and count.
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
exec node "$here/compare.mjs" --cases "$cases" --ours "$ours"
