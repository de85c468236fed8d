#!/bin/sh
# Installs the vitae binary of a GitHub release for this machine (Linux x86_64 or
# aarch64, macOS x86_64 or arm64, Windows x86_64 under Git Bash or MSYS2), checking the
# archive's SHA-256 checksum before anything is written:
#
#   curl -fsSL https://github.com/OWNER/vitae/releases/latest/download/install.sh | sh
#
# Settings, from the environment:
#   VITAE_VERSION      the release, as 0.1.0 or v0.1.0 (default: the latest)
#   VITAE_INSTALL_DIR  where the binary goes (default: ~/.local/bin)
#   VITAE_REPO         the GitHub repository of the releases (default: OWNER/vitae)
#   VITAE_TARGET       the Rust target triple to fetch (default: this machine's)
#   VITAE_DOWNLOAD_URL the base of the download addresses (default:
#                      https://github.com/$VITAE_REPO/releases); a mirror, or file://
#                      for a test: $VITAE_DOWNLOAD_URL/download/vX.Y.Z/ASSET, and
#                      $VITAE_DOWNLOAD_URL/latest/download/ASSET
# Needs curl or wget, tar (unzip or PowerShell on Windows), and sha256sum or shasum.
set -eu

repo=${VITAE_REPO:-OWNER/vitae}
base=${VITAE_DOWNLOAD_URL:-https://github.com/$repo/releases}
dir=${VITAE_INSTALL_DIR:-$HOME/.local/bin}
version=${VITAE_VERSION:-latest}

say() { printf 'vitae install: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

target=${VITAE_TARGET:-}
if [ -z "$target" ]; then
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) die "no release binary for the processor $(uname -m); build from source: cargo install --locked vitae" ;;
  esac
  case "$(uname -s)" in
    Linux) target=$arch-unknown-linux-musl ;;
    Darwin) target=$arch-apple-darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) target=x86_64-pc-windows-msvc ;;
    *) die "no release binary for $(uname -s); build from source: cargo install --locked vitae" ;;
  esac
fi
case "$target" in
  *windows*) archive=vitae-$target.zip exe=vitae.exe ;;
  *) archive=vitae-$target.tar.gz exe=vitae ;;
esac

case "$version" in
  latest) url=$base/latest/download ;;
  v*) url=$base/download/$version ;;
  *) url=$base/download/v$version ;;
esac

fetch() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,file' -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    die "needs curl or wget"
  fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    die "needs sha256sum or shasum to check the download"
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
say "fetching $url/$archive"
fetch "$url/$archive" "$tmp/$archive" || die "could not download $url/$archive (is $version a release of $repo?)"
fetch "$url/$archive.sha256" "$tmp/$archive.sha256" || die "could not download $url/$archive.sha256"
want=$(cut -d' ' -f1 < "$tmp/$archive.sha256")
got=$(sha256 "$tmp/$archive")
if [ -z "$want" ] || [ "$want" != "$got" ]; then
  die "$archive: SHA-256 $got, but the release says ${want:-nothing}; nothing was installed"
fi

case "$archive" in
  *.zip)
    if command -v unzip >/dev/null 2>&1; then
      unzip -q "$tmp/$archive" -d "$tmp"
    else
      powershell -NoProfile -Command "Expand-Archive -LiteralPath '$(cygpath -w "$tmp/$archive")' -DestinationPath '$(cygpath -w "$tmp")'"
    fi
    ;;
  *) tar -xzf "$tmp/$archive" -C "$tmp" ;;
esac
[ -f "$tmp/vitae-$target/$exe" ] || die "$archive holds no vitae-$target/$exe"

mkdir -p "$dir"
# Into place by a rename, so that a vitae already there is replaced whole or not at all.
cp "$tmp/vitae-$target/$exe" "$dir/.$exe.new"
chmod 755 "$dir/.$exe.new"
mv -f "$dir/.$exe.new" "$dir/$exe"
say "installed $("$dir/$exe" --version 2>/dev/null || echo "$exe") in $dir"
case ":$PATH:" in
  *":$dir:"*) ;;
  *) say "$dir is not on PATH: add it, e.g. export PATH=\"$dir:\$PATH\"" ;;
esac
