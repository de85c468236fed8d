#!/usr/bin/env bash
# Loads the web page (vitae build -o X.html) of the example and of every good fixture
# in headless Chromium at a desktop's window (1280×1800) and a phone's (390×844), and
# fails on a console message of level warning or error (a font the browser refuses, a
# request made) or on a page wider than its window. A copy of each page gets a small
# script that reports the page's width and its fonts' status into the DOM, which
# --dump-dom prints; the page vitae writes has no script.
# With --screenshots, writes docs/web-desktop.png and docs/web-phone.png of the example.
# Needs chromium (Debian's package; .ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "browser-check: chromium is not installed (apt-get install chromium)"; exit 1; }
[ -x target/release/vitae ] || cargo build --release -q
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
  --disable-extensions --disable-background-networking --allow-file-access-from-files
  --user-data-dir="$out/profile" --enable-logging=stderr --v=0)
probe='<script>addEventListener("load",()=>document.fonts.ready.then(()=>{const d=document.documentElement;const f=[...document.fonts].map(x=>x.status).join(",");document.body.insertAdjacentHTML("beforeend","<pre id=vitae-check>width "+d.scrollWidth+" window "+innerWidth+" fonts "+f+"</pre>")}))</script>'
status=0
for f in resume.yaml tests/fixtures/good/*.yaml; do
  name=$(basename "$f" .yaml)
  ./target/release/vitae build "$f" -o "$out/$name.html" -q
  sed "s|</body>|$probe</body>|" "$out/$name.html" > "$out/$name-probe.html"
  for size in 1280,1800 390,844; do
    w=${size%,*}
    dom=$("$browser" "${flags[@]}" --window-size="$size" --virtual-time-budget=10000 --dump-dom \
      "file://$out/$name-probe.html" 2>"$out/log.txt" || true)
    line=$(grep -o 'width [0-9]* window [0-9]* fonts [a-z,]*' <<<"$dom" || true)
    if [ -z "$line" ]; then
      echo "browser-check: $f at $size: the page did not finish loading"; status=1; continue
    fi
    read -r _ width _ window _ fonts <<<"$line"
    if [ "$window" != "$w" ] || [ "$width" -gt "$window" ]; then
      echo "browser-check: $f at $size: the page is $width px wide in a window of $window px"; status=1
    fi
    if grep -q -v -e '^loaded' <<<"$(tr ',' '\n' <<<"$fonts")"; then
      echo "browser-check: $f at $size: a font did not load ($fonts)"; status=1
    fi
    if grep -E 'CONSOLE|Failed to decode|OTS parsing error' "$out/log.txt" | grep -v 'INFO:CONSOLE' >/dev/null; then
      echo "browser-check: $f at $size: console messages:"; grep -E 'CONSOLE|Failed to decode|OTS' "$out/log.txt"; status=1
    fi
  done
done
if [ "${1:-}" = "--screenshots" ]; then
  ./target/release/vitae build resume.yaml -o "$out/example.html" -q
  "$browser" "${flags[@]}" --window-size=1280,1800 --screenshot="$PWD/docs/web-desktop.png" "file://$out/example.html" 2>/dev/null
  "$browser" "${flags[@]}" --window-size=390,844 --screenshot="$PWD/docs/web-phone.png" "file://$out/example.html" 2>/dev/null
  echo "docs/web-desktop.png, docs/web-phone.png written"
fi
[ $status -eq 0 ] && echo "browser-check: the example and every good fixture load in Chromium at 1280 and 390 px, no console message, no page wider than its window"
exit $status
