#!/usr/bin/env bash
# Builds (build.sh), then tests the WebAssembly package and the council page:
#   0. tsc --noEmit: the hand-written .d.ts files and a TypeScript usage file (tests/types);
#   1. node --test: every vector in tests/vectors through the node build (within the vectors'
#      tolerances, and byte for byte the command line's output), and the JS API
#      (ScenarioError, no input traps);
#   2. the page in headless Chromium (Debian's chromium + playwright-core), served by a small
#      Node static server on localhost; screenshots go to wasm/test-output/.
# Run from anywhere, e.g. `bash wasm/test.sh` from the repository root. Exits non-zero on failure.
set -euo pipefail

WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$WASM_DIR"

bash "$WASM_DIR/build.sh"

printf '\n== TypeScript declarations (tsc --noEmit, tests/types/usage.ts)\n'
node "$WASM_DIR/node_modules/typescript/bin/tsc" -p "$WASM_DIR/tests/types"

printf '\n== node tests (vectors and API)\n'
node --test --test-reporter=spec tests/node/vectors.test.mjs tests/node/api.test.mjs tests/node/analysis.test.mjs tests/node/present.test.mjs \
  tests/node/workbook.test.mjs tests/node/extends.test.mjs tests/node/workbench.test.mjs

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  printf '\n== installing Debian chromium\n'
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y chromium
fi

printf '\n== browser test (headless Chromium)\n'
mkdir -p "$WASM_DIR/test-output"
node --test --test-reporter=spec --test-concurrency=1 tests/browser/page.test.mjs tests/browser/excel.test.mjs tests/browser/workbench.test.mjs

printf '\n== calculate() and analyse() time (Node and browser)\n'
node bench.mjs --browser

printf '\nwasm tests passed; screenshots in wasm/test-output/\n'
