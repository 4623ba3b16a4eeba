#!/usr/bin/env bash
# Tests the README's "Getting started in your repository" on a fresh temporary folder: installs
# IAMUnit from this checkout, writes the README's pom.xml, terraform/iam.tf and first test (read
# from the README, so the README is what is tested) and runs mvn verify there.
#
# Everything goes into a temporary local repository: a settings file sets localRepository and
# mirrors every repository to ~/.m2/repository as a read-only file:// repository, so IAMUnit's
# SNAPSHOTs never land in the shared ~/.m2 while other builds resolve from it.
# GETTING_STARTED_MIRROR=URL resolves from another repository instead; KEEP=1 keeps the folder.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/iamunit-getting-started.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi
mirror=${GETTING_STARTED_MIRROR:-file://$HOME/.m2/repository}

cat >"$work/settings.xml" <<SETTINGS
<settings>
  <localRepository>$work/repository</localRepository>
  <mirrors>
    <mirror><id>getting-started</id><mirrorOf>*</mirrorOf><url>$mirror</url></mirror>
  </mirrors>
</settings>
SETTINGS

echo "== installing IAMUnit from $checkout into $work/repository"
mvn -B -ntp -q -s "$work/settings.xml" -f "$checkout/pom.xml" install -DskipTests -Dinvoker.skip \
  -pl iamunit-bom,junit-extension,iamunit-maven-plugin -am

echo "== writing the README's project into $work/project"
python3 - "$checkout/README.md" "$work/project" <<'PY'
import pathlib, re, sys
readme, project = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2])
files = re.findall(r"<!-- getting-started:(\S+) -->\n```\w*\n(.*?)```", readme, re.S)
if len(files) != 3:
    sys.exit(f"README: expected 3 getting-started files, found {len(files)}")
for name, text in files:
    target = project / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    print("  " + name)
PY

echo "== mvn verify in the project"
log="$work/verify.log"
if ! (cd "$work/project" && mvn -B -ntp -s "$work/settings.xml" verify >"$log" 2>&1); then
  cat "$log"
  echo "getting started FAILED: mvn verify failed in $work/project" >&2
  exit 1
fi
grep -q "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0" "$log" || { cat "$log"; echo "FAILED: expected 2 tests to pass" >&2; exit 1; }
grep -q "IAMUnit coverage checks have been met." "$log" || { cat "$log"; echo "FAILED: the gate did not run" >&2; exit 1; }
test -f "$work/project/target/iamunit/html/index.html" || { echo "FAILED: no HTML report" >&2; exit 1; }
if find "$HOME/.m2/repository/dev/iamunit" -newer "$work/settings.xml" -type f 2>/dev/null | grep -q .; then
  echo "FAILED: something was written into ~/.m2/repository/dev/iamunit" >&2
  exit 1
fi
grep -E "Tests run:|IAMUnit coverage:|checks have been met" "$log" | sed 's/^/  /'
echo "getting started OK"
