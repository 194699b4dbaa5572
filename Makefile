# The two commands a fresh machine needs (see README.md):
#   make serve   build the wasm package and serve the page on http://127.0.0.1:8000/
#   make test    install whatever is missing, then run every test
# and, not part of `make test`:
#   make fuzz    fuzz every target for FUZZ_SECONDS each (default 60; see README "Reliability")
.PHONY: serve build test test-native test-wasm test-e2e lint package fuzz
PORT ?= 8000

serve: build
	node scripts/serve.mjs --port $(PORT)

build:
	bash scripts/build.sh

test:
	bash scripts/test.sh

test-native:
	bash scripts/test.sh native

test-wasm:
	bash scripts/test.sh wasm

test-e2e:
	bash scripts/test.sh e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

package:
	node scripts/package.mjs

fuzz:
	bash scripts/fuzz.sh
