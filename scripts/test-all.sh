#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs every test of every layer:
# Rust (clippy with warnings denied, unit, vector, property and CLI tests), Python (builds the
# wheel into .venv, pytest, the notebook in a real kernel), the Excel workbook (LibreOffice
# installed from Debian's packages recalculates it) and WebAssembly (wasm32 target,
# wasm-bindgen-cli, Node vector tests, the web page in headless Chromium).
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

step "Rust: clippy, warnings denied"
rustup component add clippy >/dev/null 2>&1 || true
cargo clippy --workspace --all-targets -- -D warnings

step "Rust: tests (unit, vectors, properties, defaults, CLI, analysis)"
cargo test --workspace

step "LibreOffice (the Python tests recalculate the Excel workbook with it)"
bash scripts/test-xlsx.sh --install-only

step "Python package"
SAMKALK_REQUIRE_SOFFICE=1 bash py/test.sh

step "WebAssembly package and web page"
bash wasm/test.sh

step "all layers passed"
