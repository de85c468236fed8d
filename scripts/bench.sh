#!/usr/bin/env bash
# Whole-process measures of the release binary (issues #10 and #20): one line per case
# with the instructions of one build (callgrind's `Ir` total, deterministic: it does
# not drift with the machine's load), the median time (hyperfine, warm-up 3, RUNS
# runs), the peak memory (/usr/bin/time -v) and the output's size. When `typst` is
# installed, the example is also compiled in Typst (benches/typst/example.typ, same
# text, fonts, size and page) in the same run, and the ratio printed. Installs
# hyperfine and GNU time with apt if missing; valgrind is optional (`-` without it).
# Usage: scripts/bench.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release -q
bin=$PWD/target/release/vitae
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A generated resume of about 190 pages: the sections of many-pages.yaml 32 times.
python3 - "$work/long.yaml" <<'PY'
import sys
src = open("tests/fixtures/good/many-pages.yaml").read()
head, _, body = src.partition("sections:\n")
body = body.split("\ndesign:")[0].rstrip("\n") + "\n"
open(sys.argv[1], "w").write(head + "sections:\n" + body * 32)
PY
mkdir -p "$work/batch"
for i in $(seq 1 100); do cp resume.yaml "$work/batch/copy-$i.yaml"; done

median_ms() { # hyperfine JSON → median in ms
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$1"
}
ir() { # callgrind's instruction count of one run, in millions ("-" without valgrind)
  if ! command -v valgrind >/dev/null; then echo -; return; fi
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {printf "%.1f", $NF / 1e6}'
}
peak_mb() { # the peak resident set of one run, MB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}'
}

# The baseline, measured in the same run: the process alone (`vitae --version`).
hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" "$bin --version" >/dev/null 2>&1
base=$(median_ms "$work/h.json")
printf 'baseline: vitae --version %s ms\n' "$base"
printf '%-26s %8s %9s %8s %9s %9s %8s %9s %6s\n' case Ir_M median_ms x_base ms/page x_example peak_MB bytes pages
example_per_page=""
row() { # name, input
  local name=$1 input=$2 out="$work/out.pdf"
  hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" "$bin build $input -o $out -q" >/dev/null 2>&1
  local pages ms per
  pages=$(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ {print $2}')
  ms=$(median_ms "$work/h.json")
  per=$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / int(sys.argv[2])))' "$ms" "$pages")
  [ -n "$example_per_page" ] || example_per_page=$per
  printf '%-26s %8s %9s %8s %9s %9s %8s %9s %6s\n' "$name" "$(ir "$bin" build "$input" -o "$out" -q)" "$ms" \
    "$(python3 -c 'import sys; print("%.1fx" % (float(sys.argv[1]) / float(sys.argv[2])))' "$ms" "$base")" "$per" \
    "$(python3 -c 'import sys; print("%.2fx" % (float(sys.argv[1]) / float(sys.argv[2])))' "$per" "$example_per_page")" \
    "$(peak_mb "$bin" build "$input" -o "$out" -q)" "$(stat -c %s "$out")" "${pages:-?}"
}
row "resume.yaml (example)" resume.yaml
row "full.yaml" tests/fixtures/good/full.yaml
row "many-pages.yaml" tests/fixtures/good/many-pages.yaml
row "generated long resume" "$work/long.yaml"

# Typst on the same content, in the same run (never in CI: `cargo install typst-cli
# --locked` takes about 20 minutes of CPU here).
if command -v typst >/dev/null; then
  vitae_ms=$(hyperfine -N -w 3 -r "$runs" --export-json "$work/h.json" "$bin build resume.yaml -o $work/v.pdf -q" >/dev/null 2>&1 && median_ms "$work/h.json")
  hyperfine -N -w 3 -r "$runs" --export-json "$work/t.json" \
    "typst compile --ignore-system-fonts --font-path fonts benches/typst/example.typ $work/t.pdf" >/dev/null 2>&1
  typst_ms=$(median_ms "$work/t.json")
  printf '%-26s %9s ms (vitae %s ms: %sx faster)\n' "typst, the example" "$typst_ms" "$vitae_ms" \
    "$(python3 -c 'import sys; print("%.1f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$typst_ms" "$vitae_ms")"
else
  echo "typst: not installed, no ratio (cargo install typst-cli --locked)"
fi

# A rebuild with warm caches (what --watch does after a save): the instructions of
# building the example twice in one process, less once.
if command -v valgrind >/dev/null; then
  cp resume.yaml "$work/once.yaml"; cp resume.yaml "$work/again.yaml"
  one_ir=$(ir "$bin" build "$work/once.yaml" -q)
  two_ir=$(ir "$bin" build "$work/once.yaml" "$work/again.yaml" -q)
  printf '%-26s %8s M Ir (the first build: %s M)\n' "warm rebuild (--watch)" \
    "$(python3 -c 'import sys; print("%.1f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$one_ir" "$two_ir")" "$one_ir"
fi

# 100 copies: one call (built in parallel) against 100 calls one after another.
files=$(printf '%s ' "$work"/batch/*.yaml)
hyperfine -N -w 1 -r 5 --export-json "$work/one.json" "$bin build $files -q" >/dev/null 2>&1
hyperfine -w 1 -r 5 --export-json "$work/seq.json" "for f in $files; do $bin build \$f -q; done" >/dev/null 2>&1
one=$(median_ms "$work/one.json"); seq=$(median_ms "$work/seq.json")
printf '%-26s %9s\n' "100 copies, one call" "$one"
printf '%-26s %9s\n' "100 copies, 100 calls" "$seq"
python3 -c 'import sys; print("%-26s %9.2fx" % ("one call is faster by", float(sys.argv[2]) / float(sys.argv[1])))' "$one" "$seq"
