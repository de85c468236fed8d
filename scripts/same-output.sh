#!/usr/bin/env bash
# Compares what the working tree's vitae writes with what the vitae of OLD_REV wrote
# (issue #14: the redesign changes no output). Builds both release binaries, then for
# every input under tests/fixtures (good, bad, scripts, JSON Resume, page-break) and
# for the example in each theme: the PDF bytes (cmp), the exit status and the
# standard error must be identical. Prints one line per difference and a summary;
# exit 1 when anything differs.
#
# Usage: scripts/same-output.sh OLD_REV [ALLOWED]
#   ALLOWED: a file of input paths (one a line) whose difference is an intended bug
#   fix; they are listed as "allowed" and do not fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/same-output.sh OLD_REV [ALLOWED]}
allowed=${2:-/dev/null}
old_sha=$(git rev-parse --short "$rev")

# The old binary, built once per revision in a cached worktree and target folder.
cache=${SAME_OUTPUT_CACHE:-${TMPDIR:-/tmp}/vitae-same-output}
old_tree="$cache/tree-$old_sha"
old_bin="$cache/vitae-$old_sha"
if [ ! -x "$old_bin" ]; then
  mkdir -p "$cache"
  [ -d "$old_tree" ] || git worktree add --detach -q "$old_tree" "$rev"
  (cd "$old_tree" && CARGO_TARGET_DIR="$cache/target" cargo build --release -q --bin vitae)
  cp "$cache/target/release/vitae" "$old_bin"
  git worktree remove --force "$old_tree" 2>/dev/null || true
fi
cargo build --release -q --bin vitae
new_bin=$PWD/target/release/vitae

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
same=0; differ=0; allow=0
compare() { # label, then the arguments of `vitae build` (the output is appended)
  local label=$1; shift
  # Both write the same path (messages name it), moved aside after each run.
  local p="$out/out.pdf" o="$out/old.pdf" n="$out/new.pdf" so=0 sn=0
  rm -f "$p" "$o" "$n"
  env -u SOURCE_DATE_EPOCH "$old_bin" build "$@" -o "$p" >"$out/old.out" 2>"$out/old.err" || so=$?
  [ -e "$p" ] && mv "$p" "$o"
  env -u SOURCE_DATE_EPOCH "$new_bin" build "$@" -o "$p" >"$out/new.out" 2>"$out/new.err" || sn=$?
  [ -e "$p" ] && mv "$p" "$n"
  # The success line carries the time it took: compare it without the time.
  sed -i -E 's/, [0-9]+ ms$//' "$out/old.out" "$out/new.out" "$out/old.err" "$out/new.err"
  local why=""
  [ "$so" = "$sn" ] || why="exit status $so → $sn"
  [ -z "$why" ] && ! cmp -s "$out/old.err" "$out/new.err" && why="standard error differs"
  [ -z "$why" ] && ! cmp -s "$out/old.out" "$out/new.out" && why="standard output differs"
  if [ -z "$why" ] && [ -e "$o" ] && [ -e "$n" ] && ! cmp -s "$o" "$n"; then why="PDF bytes differ"; fi
  if [ -z "$why" ] && { [ -e "$o" ] && [ ! -e "$n" ] || [ ! -e "$o" ] && [ -e "$n" ]; }; then why="a PDF on one side only"; fi
  if [ -z "$why" ]; then
    same=$((same + 1))
  elif grep -qxF "$label" "$allowed"; then
    allow=$((allow + 1)); echo "allowed: $label: $why"
  else
    differ=$((differ + 1)); echo "DIFFERS: $label: $why"
    diff "$out/old.err" "$out/new.err" | head -10 | sed 's/^/    /' || true
  fi
}

for f in resume.yaml tests/fixtures/good/*.yaml tests/fixtures/bad/*.yaml tests/fixtures/scripts/*.yaml \
  tests/fixtures/jsonresume/*.json tests/fixtures/jsonresume/*.yaml tests/fixtures/pagebreak/*.yaml; do
  compare "$f" "$f"
done
for theme in classic modern compact banking; do
  for f in resume.yaml tests/fixtures/good/*.yaml; do
    compare "$f --theme $theme" "$f" --theme "$theme"
  done
done
compare "resume.yaml --fit-pages 1" resume.yaml --fit-pages 1
compare "resume.yaml --page a4 --font-size 9.5pt" resume.yaml --page a4 --font-size 9.5pt
echo "same-output against $old_sha: $same identical, $differ different, $allow allowed differences"
[ "$differ" -eq 0 ]
