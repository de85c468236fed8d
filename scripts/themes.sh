#!/usr/bin/env bash
# Renders the first page of the example resume in each theme to docs/themes/THEME.png
# (the pictures in the README). Needs pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
out=$(mktemp -d)
for theme in classic modern compact banking engineer; do
  ./target/release/vitae build resume.yaml --theme "$theme" -o "$out/$theme.pdf" -q
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$theme.pdf" "docs/themes/$theme"
done
echo "docs/themes/: $(ls docs/themes | tr '\n' ' ')"
