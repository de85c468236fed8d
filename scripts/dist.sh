#!/usr/bin/env bash
# Packs a built vitae binary into the release archive for TARGET, with its SHA-256
# checksum, as .github/workflows/release.yml attaches them to a release and as
# install.sh and action.yml fetch them:
#
#   OUT/vitae-TARGET.tar.gz          (a .zip for Windows targets), holding the folder
#     vitae-TARGET/                  vitae (vitae.exe), README.md, LICENSE-MIT,
#                                    LICENSE-APACHE, fonts/*.txt (the licences of the
#                                    fonts compiled into the binary)
#   OUT/vitae-TARGET.tar.gz.sha256   "<sha256>  vitae-TARGET.tar.gz", as sha256sum writes
#
# The names carry no version, so that releases/latest/download/NAME always finds the
# newest one. Usage: scripts/dist.sh TARGET BINARY OUT
set -euo pipefail
target=${1:?usage: scripts/dist.sh TARGET BINARY OUT}
binary=${2:?usage: scripts/dist.sh TARGET BINARY OUT}
out=${3:?usage: scripts/dist.sh TARGET BINARY OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

name=vitae-$target
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/fonts"
cp "$binary" "$stage/$name/"
cp "$root/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/$name/"
cp "$root"/fonts/*.txt "$stage/$name/fonts/"

rm -f "$out/$name.zip" "$out/$name.tar.gz"
case "$target" in
  *windows*)
    archive=$name.zip
    if command -v 7z >/dev/null; then
      (cd "$stage" && 7z a -tzip -bd "$out/$archive" "$name" >/dev/null)
    else
      (cd "$stage" && zip -qr "$out/$archive" "$name")
    fi
    ;;
  *)
    archive=$name.tar.gz
    chmod 755 "$stage/$name/$(basename "$binary")"
    (cd "$stage" && tar -czf "$out/$archive" "$name")
    ;;
esac

if command -v sha256sum >/dev/null; then
  sum=$(sha256sum "$out/$archive")
else
  sum=$(shasum -a 256 "$out/$archive")
fi
echo "${sum%% *}  $archive" > "$out/$archive.sha256"
echo "$out/$archive"
