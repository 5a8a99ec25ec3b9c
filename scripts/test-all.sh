#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs every test of every layer:
# Rust (formatting, clippy with warnings denied, unit, vector, property and CLI tests, the
# core's documentation and package), Python (builds the wheel into .venv; ruff, mypy and the
# stubs; pytest, the notebook in a real kernel), the Excel workbook (LibreOffice installed from
# Debian's packages recalculates it) and WebAssembly (wasm32 target, wasm-bindgen-cli, tsc over
# the .d.ts files, Node vector tests, the web page in headless Chromium). The quick check before
# a commit is scripts/check.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

if [ -d ../shared/vectors ]; then
  step "tests/vectors holds every vector of ../shared/vectors"
  stale=0
  for f in ../shared/vectors/*.json; do
    cmp -s "$f" "tests/vectors/$(basename "$f")" || { echo "differs or missing: $(basename "$f")"; stale=1; }
  done
  [ "$stale" -eq 0 ] || { echo "copy ../shared/vectors/*.json to tests/vectors/ and make them pass"; exit 1; }
fi

step "Rust: cargo fmt --all --check"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all --check

step "Rust: clippy, warnings denied"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust: tests (unit, vectors, properties, defaults, CLI, analysis)"
cargo test --workspace

step "Rust: the core's documentation (warnings denied) and package (with its data)"
RUSTDOCFLAGS="-D warnings" cargo doc -p samkalk --no-deps --all-features
cargo package -p samkalk --allow-dirty --no-verify --quiet

step "LibreOffice (the Python tests recalculate the Excel workbook with it)"
bash scripts/test-xlsx.sh --install-only

step "Python package"
SAMKALK_REQUIRE_SOFFICE=1 bash py/test.sh

step "WebAssembly package and web page"
bash wasm/test.sh

step "all layers passed"
