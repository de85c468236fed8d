#!/usr/bin/env bash
# Loads the web page (vitae build -o X.html) of the example and of every good fixture
# in headless Chromium at a desktop's window (1280×1800) and a phone's (390×844), and
# fails on any console message (a font the browser refuses, a blocked request), a font that does not load, or a page wider than its window. Each page
# is loaded in a frame of that size in a harness page (headless Chromium's windows are
# at least 500 px wide), whose script reports the page's width and its fonts' status
# into the DOM that --dump-dom prints; the page vitae writes has no script.
# With --screenshots, writes docs/web-desktop.png and docs/web-phone.png of the example
# (the phone's cropped to 390 px with Python's PIL).
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
# The harness: the page in a frame of W × H px; reports "width N window N fonts S,…".
harness() {
  cat <<HTML
<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="$1" style="border:0;width:$2px;height:$3px"></iframe>
<script>const f=document.getElementById("f");f.addEventListener("load",()=>{const d=f.contentDocument;d.fonts.ready.then(()=>{const e=d.documentElement;const s=[...d.fonts].map(x=>x.status).join(",");document.body.insertAdjacentHTML("beforeend","<pre>width "+e.scrollWidth+" window "+f.contentWindow.innerWidth+" fonts "+s+"</pre>")})})</script></body></html>
HTML
}
status=0
for f in resume.yaml tests/fixtures/good/*.yaml; do
  name=$(basename "$f" .yaml)
  ./target/release/vitae build "$f" -o "$out/$name.html" -q 2>/dev/null
  for size in 1280,1800 390,844; do
    w=${size%,*}
    harness "$name.html" "$w" "${size#*,}" > "$out/$name-$w.html"
    dom=$("$browser" "${flags[@]}" --window-size=1400,1900 --virtual-time-budget=10000 --dump-dom \
      "file://$out/$name-$w.html" 2>"$out/log.txt" || true)
    line=$(grep -o 'width [0-9]* window [0-9]* fonts [a-z,]*' <<<"$dom" || true)
    if [ -z "$line" ]; then
      echo "browser-check: $f at $size: the page did not finish loading"; status=1; continue
    fi
    read -r _ width _ window _ fonts <<<"$line"
    if [ "$window" != "$w" ] || [ "$width" -gt "$window" ]; then
      echo "browser-check: $f at $size: the page is $width px wide in a window of $window px"; status=1
    fi
    if [ -z "$fonts" ] || tr ',' '\n' <<<"$fonts" | grep -qv '^loaded$'; then
      echo "browser-check: $f at $size: a font did not load ($fonts)"; status=1
    fi
    # Chromium logs every console message (any level) as INFO:CONSOLE; the harness logs none.
    if grep -qE 'CONSOLE|Failed to decode|OTS parsing error' "$out/log.txt"; then
      echo "browser-check: $f at $size: console messages:"; grep -E 'CONSOLE|Failed to decode|OTS' "$out/log.txt"; status=1
    fi
  done
done
if [ "${1:-}" = "--screenshots" ]; then
  ./target/release/vitae build resume.yaml -o "$out/example.html" -q
  "$browser" "${flags[@]}" --window-size=1280,1800 --screenshot="$PWD/docs/web-desktop.png" "file://$out/example.html" 2>/dev/null
  harness example.html 390 844 > "$out/phone.html"
  "$browser" "${flags[@]}" --window-size=500,844 --screenshot="$PWD/docs/web-phone.png" "file://$out/phone.html" 2>/dev/null
  python3 -c 'import sys; from PIL import Image; Image.open(sys.argv[1]).crop((0, 0, 390, 844)).save(sys.argv[1])' docs/web-phone.png
  echo "docs/web-desktop.png, docs/web-phone.png written"
fi
[ $status -eq 0 ] && echo "browser-check: the example and every good fixture load in Chromium at 1280 and 390 px, no console message, no page wider than its window"
exit $status
