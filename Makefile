# The two commands a fresh machine needs (see README.md):
#   make serve   build the wasm package and serve the page on http://127.0.0.1:8000/
#   make test    install whatever is missing, then run every test
# And, not part of `make test`:
#   make test-large  a 50 MB text analyzed to completion in the page; 1,000 analyses leak nothing
#   make bench   native (criterion) and browser benchmarks vs the alternatives; target/bench/results.json
#   make accuracy  named-entity F1 on the dev sets beside compromise's and wink-nlp's (bench/ner-baselines.mjs)
#   make size    what the page downloads, gzipped, against the 600 KB budget (after make build)
#   make fuzz    fuzz every target for FUZZ_SECONDS each (default 60; see README "Reliability")
.PHONY: serve build size test test-native test-wasm test-e2e test-large lint package bench fuzz accuracy
PORT ?= 8000

serve: build
	node scripts/serve.mjs --port $(PORT)

build:
	bash scripts/build.sh

# Page weight: the release wasm raw/gzipped, the models, every file the page loads (after `make build`).
size:
	node scripts/page-weight.mjs

test:
	bash scripts/test.sh

test-native:
	bash scripts/test.sh native

test-wasm:
	bash scripts/test.sh wasm

test-e2e:
	bash scripts/test.sh e2e

# Not part of `make test` (~10–20 min): a whole 50 MB text analyzed in the page (time, peak
# memory) and 1,000 consecutive analyses of a 100 KB article (JS heap and wasm memory flat).
test-large:
	bash scripts/test.sh large

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib

package:
	node scripts/package.mjs

# The release profile aborts on panic (small wasm), but bench harnesses unwind: with both, cargo
# builds the library twice under one file name and the CLI fails to link. Unwind for benches.
BENCH_CARGO_FLAGS = --config 'profile.release.panic="unwind"'
# Inputs from ../shared/data (skipped with a message if absent), criterion per stage, then the
# browser benchmark, which also prints the native figures and checks the targets.
bench: build
	bash scripts/setup.sh browser
	node bench/inputs.mjs
	cargo bench --locked --bench stages $(BENCH_CARGO_FLAGS)
	node bench/run.mjs

# Named-entity F1 on the dev sets in ../shared/data, ours (through the CLI's JSON) beside the
# in-browser libraries', all scored by `evaluate ner --score`; fails if the CLI's JSON scores
# differently from the in-process analysis.
accuracy:
	bash scripts/setup.sh node
	cargo build --release --locked --bin evaluate --bin article-analyzer
	node bench/ner-baselines.mjs

fuzz:
	bash scripts/fuzz.sh
