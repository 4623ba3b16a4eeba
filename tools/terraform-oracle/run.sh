#!/usr/bin/env bash
# Terraform itself as the second opinion on IAMUnit's static Terraform loader (see README.md).
#
#   tools/terraform-oracle/run.sh [--all] [--details] [--jobs N] [UNIT...]
#
# Needs terraform on the PATH (or TERRAFORM=/path/to/terraform) and the AWS provider in a
# filesystem mirror (TF_ORACLE_MIRROR, default /opt/tf-plugins). Never reaches the network.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# Built from the working tree each time, so that the loaders compared are the ones checked out;
# .ci/run sets ORACLE_NO_BUILD=1 after its own build.
jar="$here/target/terraform-oracle.jar"
if [[ "${ORACLE_NO_BUILD:-}" != 1 || ! -f "$jar" ]]; then
  mvn -B -ntp -q -pl tools/terraform-oracle -am package -DskipTests
fi
exec java -jar "$jar" "$@"
