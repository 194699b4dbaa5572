#!/usr/bin/env bash
# Installs what building and testing article-analyzer needs, skipping whatever is already there.
#
#   scripts/setup.sh wasm      the wasm32 toolchain, wasm-bindgen, wasm-pack, a current wasm-opt
#   scripts/setup.sh browser   Debian's Chromium + chromedriver, playwright-core
#   scripts/setup.sh node      node's tools alone (playwright-core, esbuild, binaryen, and the
#                              JS libraries the benchmarks compare with: compromise, wink-nlp)
#   scripts/setup.sh all       wasm and browser
#
# It writes the PATH that wasm builds must use to target/toolchain.env (sourced by the Makefile's
# scripts). Every step is idempotent: a warm machine spends seconds here.
#
# Routes for the wasm32 standard library, in order of preference (see ../shared/TOOLCHAIN.md):
#   1. rustup already has the wasm32-unknown-unknown target;
#   2. a previous run of this script built it for Debian's rustc (the sysroot exists);
#   3. `rustup target add` answers within a short timeout (the normal path on a developer machine);
#   4. Debian's rustc-web + rust-web-src + lld, with std built once from source into the sysroot.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
mkdir -p "$here/target"
envfile="$here/target/toolchain.env"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=
apt_install() {
  have apt-get || die "missing: $* (no apt-get on this machine; install them with your package manager)"
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

debian_sysroot=/usr/lib/rustlib/wasm32-unknown-unknown/lib
debian_has_std() { ls "$debian_sysroot"/libstd-*.rlib >/dev/null 2>&1 && [ -x /usr/bin/rustc ] && [ -e /usr/bin/rust-lld ]; }

build_debian_std() {
  say "building the wasm32 standard library for Debian's rustc (about 2 minutes, once)"
  local tmp
  tmp=$(mktemp -d)
  mkdir -p "$tmp/src"
  printf '[package]\nname = "stdprobe"\nversion = "0.0.0"\nedition = "2021"\n[lib]\npath = "src/lib.rs"\n' >"$tmp/Cargo.toml"
  echo '' >"$tmp/src/lib.rs"
  (cd "$tmp" && PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 /usr/bin/cargo build -q --release \
      --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,panic_unwind,test) \
    || die "building the wasm32 standard library failed"
  mkdir -p "$debian_sysroot"
  find "$tmp/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libstdprobe*' \
    -exec cp {} "$debian_sysroot/" \;
  rm -rf "$tmp"
}

setup_wasm_target() {
  # AA_WASM_ROUTE=debian forces the Debian route (to test what a machine without rustup's
  # download sees).
  if [ "${AA_WASM_ROUTE:-}" = debian ]; then
    [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && [ -e /usr/bin/rust-lld ] \
      || apt_install rustc-web cargo-web rust-web-src lld-22
    debian_has_std || build_debian_std
    echo "WASM_PATH=\"/usr/bin:$PATH\"" >"$envfile"; return
  fi
  if have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "WASM_PATH=\"$PATH\"" >"$envfile"; return
  fi
  if debian_has_std; then
    echo "WASM_PATH=\"/usr/bin:$PATH\"" >"$envfile"; return
  fi
  if have rustup; then
    say "trying rustup target add wasm32-unknown-unknown (30 s at most)"
    if timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      echo "WASM_PATH=\"$PATH\"" >"$envfile"; return
    fi
    say "rustup could not download the target; using Debian's Rust instead"
  fi
  [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && [ -e /usr/bin/rust-lld ] \
    || apt_install rustc-web cargo-web rust-web-src lld-22
  [ -e /usr/bin/rust-lld ] || die "missing: /usr/bin/rust-lld (Debian package lld-22)"
  build_debian_std
  debian_has_std || die "the wasm32 standard library is still missing after building it"
  echo "WASM_PATH=\"/usr/bin:$PATH\"" >"$envfile"
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$here/Cargo.lock"
}

setup_wasm_tools() {
  local want
  want=$(bindgen_version)
  [ -n "$want" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  if ! { have wasm-bindgen && wasm-bindgen --version | grep -q " $want\$" && have wasm-bindgen-test-runner; }; then
    say "cargo install wasm-bindgen-cli $want (5-9 minutes on 2 cores, once)"
    # --locked fails against this registry mirror (a pinned transitive version is missing).
    cargo install -q --force wasm-bindgen-cli --version "=$want" || die "cargo install wasm-bindgen-cli $want failed"
  fi
  if ! have wasm-pack; then
    say "cargo install wasm-pack (4-10 minutes, once)"
    cargo install -q wasm-pack || die "cargo install wasm-pack failed"
  fi
}

setup_node() {
  have node && have npm || apt_install nodejs npm
  # playwright-core drives the browser; binaryen brings a current wasm-opt (Debian's 108 breaks
  # wasm-bindgen output); esbuild minifies the shipped page (scripts/minify.mjs). All are pinned
  # in package-lock.json.
  if [ ! -x "$here/node_modules/.bin/wasm-opt" ] || [ ! -d "$here/node_modules/playwright-core" ] \
     || [ ! -x "$here/node_modules/.bin/esbuild" ] || [ ! -d "$here/node_modules/compromise" ] \
     || [ ! -d "$here/node_modules/wink-eng-lite-web-model" ] \
     || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    say "npm ci"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed"
  fi
}

setup_browser() {
  if ! { have chromium && have chromedriver; }; then
    apt_install chromium chromium-driver
  fi
  have chromium || die "missing: chromium (Debian package chromium)"
  have chromedriver || die "missing: chromedriver (Debian package chromium-driver)"
}

case "$what" in
  wasm) setup_wasm_target; setup_wasm_tools; setup_node ;;
  browser) setup_browser; setup_node ;;
  node) setup_node ;;
  all) setup_wasm_target; setup_browser; setup_wasm_tools; setup_node ;;
  *) die "usage: scripts/setup.sh [wasm|browser|node|all]" ;;
esac
say "ready ($what)"
