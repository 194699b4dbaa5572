#!/usr/bin/env bash
# Builds the wasm package for the page into www/pkg (wasm-pack --target web, release, wasm-opt).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
bash scripts/setup.sh wasm
# shellcheck disable=SC1091
. target/toolchain.env
# A separate target dir keeps wasm builds (possibly by Debian's rustc) from invalidating native ones.
export CARGO_TARGET_DIR="$here/target/wasm"
# node_modules/.bin first: its wasm-opt (binaryen from npm) is current; Debian's 108 breaks the output.
PATH="$here/node_modules/.bin:$WASM_PATH" wasm-pack --log-level warn build --target web --release \
  --out-dir www/pkg --out-name article_analyzer --no-pack 2>&1 | grep -v 'failed to get wasm-pack version' || true
test -f www/pkg/article_analyzer_bg.wasm || { echo "[build] wasm-pack produced no www/pkg/article_analyzer_bg.wasm" >&2; exit 1; }
raw=$(stat -c %s www/pkg/article_analyzer_bg.wasm)
gz=$(gzip -9 -c www/pkg/article_analyzer_bg.wasm | wc -c)
echo "[build] www/pkg/article_analyzer_bg.wasm: $raw bytes raw, $gz bytes gzipped"
# The sample articles: seeds/ stays the source of truth; the page serves copies.
mkdir -p www/samples
cp seeds/*.txt www/samples/
# The page as shipped: dist/www, www/ with its JavaScript and CSS minified (what `make serve`
# serves, the page tests load and the page weight counts).
node scripts/minify.mjs
# The single self-contained HTML file that works from file:// (dist/article-analyzer.html).
PATH="$WASM_PATH" node scripts/build-single.mjs
# What the page downloads, gzipped, against the budget (`make size` for the file-by-file table).
node scripts/page-weight.mjs --summary
