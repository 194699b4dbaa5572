#!/usr/bin/env bash
# Installs whatever is missing, then runs every test:
#   1. native: cargo test (unit, integration over seeds/, doctests, property tests)
#   2. wasm:   wasm-bindgen-test in headless Chromium (the JS seam, UTF-16 offsets)
#   3. e2e:    the served page in Debian's Chromium via playwright-core (screenshots saved)
# `scripts/test.sh native|wasm|e2e` runs one part; `scripts/test.sh large` (make test-large, not part
# of the default run: ~10–20 min) analyzes a whole 50 MB text in the page and runs the leak test
# with 1,000 analyses, printing time and peak memory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
part=${1:-all}
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

run_native() {
  step "native tests (cargo test)"
  cargo test --locked
}

run_wasm() {
  step "wasm tests in headless Chromium (wasm-bindgen-test)"
  # shellcheck disable=SC1091
  . target/toolchain.env
  CARGO_TARGET_DIR="$here/target/wasm" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  PATH="$WASM_PATH" \
    cargo test --locked --target wasm32-unknown-unknown --test wasm
}

run_e2e() {
  step "page tests in Chromium (playwright-core)"
  bash scripts/build.sh
  node --test --test-concurrency=1 tests/e2e/*.test.mjs
}

run_large() {
  step "large texts and leaks in Chromium (50 MB to completion; 1,000 analyses)"
  bash scripts/build.sh
  LARGE_FULL=1 LEAK_RUNS=${LEAK_RUNS:-1000} node --test --test-concurrency=1 --test-name-pattern='MB text|leaks' \
    tests/e2e/large.test.mjs tests/e2e/reliability.test.mjs
}

case "$part" in
  all)
    bash scripts/setup.sh all
    run_native; run_wasm; run_e2e ;;
  native) run_native ;;
  wasm) bash scripts/setup.sh all; run_wasm ;;
  e2e) bash scripts/setup.sh all; run_e2e ;;
  large) bash scripts/setup.sh all; run_large ;;
  *) echo "usage: scripts/test.sh [all|native|wasm|e2e|large]" >&2; exit 2 ;;
esac
step "all requested tests passed"
