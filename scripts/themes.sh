#!/usr/bin/env bash
# Renders the first page of the example resume in each theme to docs/themes/THEME.png
# (the pictures in the README), with vitae's own PNG output (hayro renders the PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
out=$(mktemp -d)
for theme in classic modern compact banking engineer; do
  ./target/release/vitae build resume.yaml --theme "$theme" -o "$out/$theme.png" --dpi 60 -q
  cp "$out/$theme-1.png" "docs/themes/$theme.png"
done
rm -rf "$out"
echo "docs/themes/: $(cd docs/themes && printf '%s ' *.png)"
