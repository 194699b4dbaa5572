#!/usr/bin/env bash
# Fuzzes every target (fuzz/fuzz_targets/) for FUZZ_SECONDS each (default 60), one after the
# other, with the nightly toolchain and cargo-fuzz (installed when missing). The corpus starts
# from seeds/*.txt and fuzz/seeds/ and grows in fuzz/corpus/TARGET (gitignored); crashes land
# in fuzz/artifacts/TARGET. `scripts/fuzz.sh analyze decode` fuzzes only those targets.
# Not part of `make test`: `tests/fuzz_smoke.rs` runs the same checks briefly there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${FUZZ_SECONDS:-60}
rss=${FUZZ_RSS_MB:-2048}
# The crate forbids unsafe code, so AddressSanitizer finds nothing a plain build would not, at
# a third of the speed; FUZZ_SANITIZER=address brings it back.
sanitizer=${FUZZ_SANITIZER:-none}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze tokenize normalize decode)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

cd "$here/fuzz"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  cp -n "$here"/seeds/*.txt seeds/* "corpus/$t/" 2>/dev/null || true
  printf '\n\033[1m== fuzz %s for %ss ==\033[0m\n' "$t" "$seconds"
  cargo +nightly fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb="$rss" -print_final_stats=1
done
