#!/usr/bin/env bash
# Loads the real-world units of iac-loaders/src/test/resources/realworld/MANIFEST.tsv with
# `iamunit show --json` and prints, per unit, its principals, statements, problems and unresolved
# values grouped by cause (see README.md).
#
#   tools/realworld/run.sh [--no-build] [--jar FILE] [--json DIR]
#
# The repositories are read from git mirrors, never from the network: MIRRORS (default
# /work/.mirror) holds each as OWNER+NAME/repo (a bare git directory, as the search tool's fetch
# leaves it). Each commit is extracted once into tools/realworld/target/units/; nothing of it is
# committed. --jar runs another build of the CLI (the "before" column of README.md); without it the
# CLI is built from this working tree (mvn package, never install). --json keeps each unit's output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
manifest="$root/iac-loaders/src/test/resources/realworld/MANIFEST.tsv"
mirrors="${MIRRORS:-/work/.mirror}"
jar="$root/iamunit-cli/target/iamunit.jar"
build=1
json=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --jar) jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; build=0; shift ;;
    --json) mkdir -p "$2"; json="$(cd "$2" && pwd)"; shift ;;
    *) echo "usage: $0 [--no-build] [--jar FILE] [--json DIR]" >&2; exit 2 ;;
  esac
  shift
done
if [[ "$build" == 1 ]]; then
  (cd "$root" && mvn -B -ntp -q -pl iamunit-cli -am package -DskipTests)
fi

units="$here/target/units"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
n=0
while IFS=$'\t' read -r repository commit path license format; do
  [[ "$repository" == repository ]] && continue
  n=$((n + 1))
  dir="$units/${repository/\//+}@${commit:0:12}"
  git_dir="$mirrors/${repository/\//+}/repo"
  if [[ ! -d "$dir" ]]; then
    [[ -d "$git_dir" ]] || { echo "no mirror of $repository at $git_dir (fetch it first)" >&2; exit 3; }
    rm -rf "$dir.part" && mkdir -p "$dir.part"
    # The whole commit, so that a Terraform example's module (source = "../../") is there; a
    # mirror without its largest files cannot archive it all: then each unit's folder alone.
    if git --git-dir="$git_dir" archive "$commit" 2>/dev/null | tar -x -C "$dir.part" 2>/dev/null; then
      mv "$dir.part" "$dir"
    else
      rm -rf "$dir.part" && mkdir -p "$dir.part.units"
    fi
  fi
  if [[ -d "$dir.part.units" && ! -e "$dir.part.units/$path" ]]; then
    # File by file, leaving out the blobs the mirror does not hold (it lacks files of 4 MiB and more).
    folder="$(git --git-dir="$git_dir" cat-file -t "$commit:$path" | grep -q tree && echo "$path" || dirname "$path")"
    git --git-dir="$git_dir" ls-tree -r --name-only "$commit" -- "$folder" | while IFS= read -r file; do
      mkdir -p "$dir.part.units/$(dirname "$file")"
      git --git-dir="$git_dir" cat-file blob "$commit:$file" >"$dir.part.units/$file" 2>/dev/null || rm -f "$dir.part.units/$file"
    done
  fi
  [[ -d "$dir" ]] || dir="$dir.part.units"
  # The unit's repository is the project root, so that its modules and nested templates resolve.
  status=0
  (cd "$dir" && java -jar "$jar" show --json "$path") >"$out/$n.json" 2>"$out/$n.err" || status=$?
  printf '%s\t%s\t%s\t%s\t%s\n' "$repository" "$path" "$format" "$status" "$out/$n" >>"$out/index.tsv"
  if [[ -n "$json" ]]; then cp "$out/$n.json" "$json/$n.json"; cp "$out/$n.err" "$json/$n.err"; fi
done <"$manifest"
node "$here/summarize.mjs" "$out/index.tsv"
