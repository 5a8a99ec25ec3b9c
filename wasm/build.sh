#!/usr/bin/env bash
# Builds the samkalk WebAssembly packages on a fresh machine, idempotently:
#   wasm/pkg/web/   ES module for browsers (+ .d.ts, package.json)
#   wasm/pkg/node/  ES module for Node (+ .d.ts, package.json)
#   wasm/pkg/site/  the council page (wasm/www) with pkg/web under site/pkg/: publish as is
# Installs what it needs: the wasm32 standard library (rustup, else Debian's rustc-web with
# build-std), wasm-bindgen-cli of exactly the crate's version (cached in .tools/), npm tools
# (binaryen's wasm-opt, playwright-core, typescript) from wasm/package-lock.json. Prints the .wasm size.
set -euo pipefail

WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$WASM_DIR/.." && pwd)"
cd "$ROOT"

TARGET=wasm32-unknown-unknown
# Must equal the wasm-bindgen version pinned in wasm/Cargo.toml.
WB_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' "$WASM_DIR/Cargo.toml")"
[ -n "$WB_VERSION" ] || { echo "build.sh: cannot read the pinned wasm-bindgen version from wasm/Cargo.toml" >&2; exit 1; }
TOOLS="$ROOT/.tools"
WB_ROOT="$TOOLS/wasm-bindgen-$WB_VERSION"
WB="$WB_ROOT/bin/wasm-bindgen"
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

log() { printf '\n== %s\n' "$*"; }

# --- 1. A standard library for wasm32 ---------------------------------------------------------
MODE=""
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  MODE=rustup
elif command -v rustup >/dev/null && rustup target add "$TARGET"; then
  MODE=rustup
else
  log "rustup cannot provide $TARGET; falling back to Debian's rustc-web with build-std"
  if [ ! -x /usr/bin/rustc ] || ! dpkg -s rust-web-src >/dev/null 2>&1 || ! command -v wasm-ld >/dev/null; then
    $SUDO apt-get update
    $SUDO apt-get install -y rustc-web rust-web-src lld
  fi
  MODE=build-std
fi

# --- 2. wasm-bindgen-cli of exactly the crate's version, cached in .tools/ --------------------
if [ -x "$WB" ] && [ "$("$WB" --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; then
  :
else
  log "installing wasm-bindgen-cli $WB_VERSION into $WB_ROOT (a few minutes, once)"
  mkdir -p "$TOOLS"
  if ! cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --root "$WB_ROOT"; then
    # The crate's lock file can name a dependency version the registry no longer serves
    # (here: webpki-roots 1.0.11). Rebuild from the crate's own source with that one
    # dependency moved to the newest version the registry has, everything else as locked.
    log "locked install failed; retrying from the crate source with its lock file refreshed minimally"
    SRC="$(mktemp -d)"
    CRATE="$(ls "$CARGO_HOME"/registry/cache/*/wasm-bindgen-cli-"$WB_VERSION".crate 2>/dev/null | head -n 1 || true)"
    if [ -n "$CRATE" ]; then
      tar -xzf "$CRATE" -C "$SRC"
      ( cd "$SRC/wasm-bindgen-cli-$WB_VERSION" && cargo update -p webpki-roots --precise 1.0.10 || true )
      cargo install --path "$SRC/wasm-bindgen-cli-$WB_VERSION" --locked --root "$WB_ROOT" \
        || cargo install --path "$SRC/wasm-bindgen-cli-$WB_VERSION" --root "$WB_ROOT"
    else
      cargo install wasm-bindgen-cli --version "$WB_VERSION" --root "$WB_ROOT"
    fi
    rm -rf "$SRC"
  fi
  [ "$("$WB" --version)" = "wasm-bindgen $WB_VERSION" ] || { echo "build.sh: wasm-bindgen-cli is not $WB_VERSION" >&2; exit 1; }
fi

# --- 3. npm tools (wasm-opt from binaryen, playwright-core for the browser test, typescript) ---
STAMP="$WASM_DIR/node_modules/.samkalk-lock-stamp"
if [ ! -f "$STAMP" ] || ! cmp -s "$WASM_DIR/package-lock.json" "$STAMP"; then
  log "npm ci in wasm/"
  ( cd "$WASM_DIR" && npm ci --no-audit --no-fund )
  cp "$WASM_DIR/package-lock.json" "$STAMP"
fi

# --- 4. The .wasm ------------------------------------------------------------------------------
log "cargo build ($MODE)"
# Size: whole-program LTO for this build only (the workspace profile stays as it is).
# opt-level "z" for everything but the core and its decimal arithmetic. rust_decimal gets "3";
# the core "s" (it was "3": the core now carries messages, formatters, parsers and tax tables
# that are not hot, and one crate has one opt-level). Measured on the calculator before the tax
# merge (node wasm/bench.mjs, calculate(object), load ~4.4 on 2 cores): core at "3" 412 625 B
# raw / 153 245 B gz, 206 µs; at "s" 347 983 / 133 221, 125 µs; at "z" 329 086 / 127 092,
# 300 µs. "s" is smaller and, measured, not slower than "3". The calculator only.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort
HOT_CRATES=(--config 'profile.release.package.samkalk.opt-level="s"' --config 'profile.release.package.rust_decimal.opt-level=3')
# The calculator: the core at 2. Measured at b1b3160 in Node on a quiet machine (load < 1, the
# three builds timed one after another, best of five batches of 4,000 calls): the raw
# calculateText on 002.json 49.4 µs at "s", 31.9 µs at 2, 31.4 µs at 3; calculate(object) 71.8 / 55.5 / 53.7 µs; the .wasm 553.5 / 626.0 / 648.3 KB raw, 206.1 /
# 228.7 / 235.6 KB gzipped. 2 is a third faster than "s" for 22.6 KB more to download; 3 is no
# faster than 2. (Before the tax rules were merged "s" had measured no slower than 3.)
CALCULATOR_CRATES=(--config 'profile.release.package.samkalk.opt-level=2' --config 'profile.release.package.rust_decimal.opt-level=3')
# Two modules from one crate: the calculator (no features) and the analysis module (feature
# "analysis": the core's sensitivity and Monte Carlo code, ~210 KB, loaded only where used).
build_wasm() {
  if [ "$MODE" = rustup ]; then
    cargo build --release --target "$TARGET" -p samkalk-wasm "$@"
  else
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
      cargo build --release -Zbuild-std=std,panic_abort --target "$TARGET" -p samkalk-wasm "$@"
  fi
}
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
RAW_DIR="$TARGET_DIR/$TARGET/release"
# The analysis module: the calculator's hot levels (core "s", rust_decimal "3"). Instructions per
# Monte Carlo draw (wasm/bench-instructions.sh mc): all "z" + wasm-opt -Oz 80 320 (653 KB raw,
# 252 KB gz); rust_decimal "3" only + -Os 82 722 (no gain); core "s" + -Oz 73 374; core "s" + -Os
# 55 897 (702.3 KB raw, 272.1 KB gz: the budget raised for it); core "3" + -Oz 63 274 (831 KB).
build_wasm --features analysis "${HOT_CRATES[@]}"
cp "$RAW_DIR/samkalk_wasm.wasm" "$RAW_DIR/samkalk_analysis.wasm"
# The workbook module (the core's Excel writer and reader), loaded only by "Ladda ner Excel".
build_wasm --features workbook
cp "$RAW_DIR/samkalk_wasm.wasm" "$RAW_DIR/samkalk_workbook.wasm"
build_wasm "${CALCULATOR_CRATES[@]}"
RAW_WASM="$RAW_DIR/samkalk_wasm.wasm"

# --- 5. JS glue, wasm-opt, the API wrapper and types ------------------------------------------
WASM_OPT="$WASM_DIR/node_modules/.bin/wasm-opt"
# Rust's default wasm32 features; wasm-opt must know them to read and keep the module.
OPT_FEATURES=(--enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)
PKG="$WASM_DIR/pkg"
for flavour in web node; do
  out="$PKG/$flavour"
  rm -rf "$out"
  mkdir -p "$out"
  if [ $flavour = web ]; then wb_target=web; else wb_target=nodejs; fi
  for module in samkalk_wasm samkalk_analysis samkalk_workbook; do
    "$WB" --target "$wb_target" --out-dir "$out" --out-name $module "$RAW_DIR/$module.wasm"
    if [ -x "$WASM_OPT" ]; then
      # -Os for the calculator and the analysis module: -Oz costs speed (calculate(object)
      # 1 450 000 -> 1 378 000 instructions for +1.1 KB; a draw 73 374 -> 55 897 for +0.6 KB;
      # -O3 and -O2 are larger and no faster); -Oz for the workbook module, where size counts.
      level=-Os
      [ $module = samkalk_workbook ] && level=-Oz
      "$WASM_OPT" "$level" "${OPT_FEATURES[@]}" "$out/${module}_bg.wasm" -o "$out/${module}_bg.opt.wasm"
      mv "$out/${module}_bg.opt.wasm" "$out/${module}_bg.wasm"
    else
      echo "build.sh: wasm-opt not found; the .wasm is not size-optimised" >&2
    fi
  done
  cp "$WASM_DIR/js/index.d.ts" "$out/index.d.ts"
  cp "$WASM_DIR/README.md" "$out/README.md"
done
cp "$WASM_DIR/js/api.js" "$PKG/web/api.js"
cp "$WASM_DIR/js/web-index.js" "$PKG/web/index.js"
cp "$WASM_DIR/js/api.js" "$PKG/node/api.mjs"
cp "$WASM_DIR/js/node-index.mjs" "$PKG/node/index.mjs"
cp "$WASM_DIR/js/web-analysis.js" "$PKG/web/analysis.js"
cp "$WASM_DIR/js/node-analysis.mjs" "$PKG/node/analysis.mjs"
cp "$WASM_DIR/js/analysis.d.ts" "$PKG/web/analysis.d.ts"
cp "$WASM_DIR/js/analysis.d.ts" "$PKG/node/analysis.d.ts"
cp "$WASM_DIR/js/web-workbook.js" "$PKG/web/workbook.js"
cp "$WASM_DIR/js/node-workbook.mjs" "$PKG/node/workbook.mjs"

# The scenario's JSON Schema, from the CLI (the host build): kept out of the .wasm for size.
log "scenario schema (samkalk schema)"
cargo run -q -p samkalk-cli -- schema > "$PKG/schema.json"
node -e '
const fs = require("fs");
const text = JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8")));
const js = "// The scenario JSON Schema (generated by `samkalk schema`).\nexport default " + JSON.stringify(text) + ";\n";
fs.writeFileSync(process.argv[2], js);
fs.writeFileSync(process.argv[3], js);
' "$PKG/schema.json" "$PKG/web/schema.js" "$PKG/node/schema.mjs"
cp "$PKG/schema.json" "$PKG/web/schema.json"
cp "$PKG/schema.json" "$PKG/node/schema.json"
rm "$PKG/schema.json"

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
cat > "$PKG/web/package.json" <<EOF
{
  "name": "samkalk",
  "version": "$VERSION",
  "description": "Exact Swedish socioeconomic investment calculation (WebAssembly, browsers)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "index.js",
  "module": "index.js",
  "types": "index.d.ts",
  "exports": {
    ".": { "types": "./index.d.ts", "default": "./index.js" },
    "./analysis": { "types": "./analysis.d.ts", "default": "./analysis.js" },
    "./workbook": { "default": "./workbook.js" }
  },
  "files": ["index.js", "index.d.ts", "analysis.js", "analysis.d.ts", "api.js", "schema.js", "schema.json", "samkalk_wasm.js", "samkalk_wasm.d.ts", "samkalk_wasm_bg.wasm", "samkalk_wasm_bg.wasm.d.ts", "samkalk_analysis.js", "samkalk_analysis.d.ts", "samkalk_analysis_bg.wasm", "samkalk_analysis_bg.wasm.d.ts", "workbook.js", "samkalk_workbook.js", "samkalk_workbook.d.ts", "samkalk_workbook_bg.wasm", "samkalk_workbook_bg.wasm.d.ts", "README.md"],
  "sideEffects": true
}
EOF
cat > "$PKG/node/package.json" <<EOF
{
  "name": "samkalk",
  "version": "$VERSION",
  "description": "Exact Swedish socioeconomic investment calculation (WebAssembly, Node)",
  "license": "MIT OR Apache-2.0",
  "main": "index.mjs",
  "types": "index.d.ts",
  "exports": {
    ".": { "types": "./index.d.ts", "default": "./index.mjs" },
    "./analysis": { "types": "./analysis.d.ts", "default": "./analysis.mjs" },
    "./workbook": { "default": "./workbook.mjs" }
  },
  "engines": { "node": ">=18" },
  "files": ["index.mjs", "index.d.ts", "analysis.mjs", "analysis.d.ts", "api.mjs", "schema.mjs", "schema.json", "samkalk_wasm.js", "samkalk_wasm.d.ts", "samkalk_wasm_bg.wasm", "samkalk_wasm_bg.wasm.d.ts", "samkalk_analysis.js", "samkalk_analysis.d.ts", "samkalk_analysis_bg.wasm", "samkalk_analysis_bg.wasm.d.ts", "workbook.mjs", "samkalk_workbook.js", "samkalk_workbook.d.ts", "samkalk_workbook_bg.wasm", "samkalk_workbook_bg.wasm.d.ts", "README.md"]
}
EOF

# --- 6. The page, ready to publish ------------------------------------------------------------
SITE="$PKG/site"
rm -rf "$SITE"
mkdir -p "$SITE"
cp -R "$WASM_DIR/www/." "$SITE/"
cp -R "$PKG/web" "$SITE/pkg"
# The bench page's scenario: the main example (tests/vectors/002.json).
node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8")).scenario))' \
  "$ROOT/tests/vectors/002.json" "$SITE/bench-scenario.json"

# --- 7. Size -----------------------------------------------------------------------------------
# Budgets: the measured size rounded up to the next 10 KB (wasm/README.md, "Size", says what
# takes the bytes and why the original 300 / 120 KB (calculator) and 400 / 170 KB (analysis)
# are not reached with the fault messages, the presentation layer and the tax rules in). The
# calculator is what every page loads; the analysis module is loaded only where analysis is used.
over=0
size_line() {
  local bin="$1" raw_kb="$2" gz_kb="$3" raw gz
  raw=$(wc -c < "$bin")
  gz=$(gzip -9 -c "$bin" | wc -c)
  printf '%s: %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB); budget %d KB raw, %d KB gzipped\n' \
    "$(basename "$bin")" "$raw" "$(awk "BEGIN{print $raw/1024}")" "$gz" "$(awk "BEGIN{print $gz/1024}")" "$raw_kb" "$gz_kb"
  if [ "$raw" -gt $((raw_kb * 1024)) ] || [ "$gz" -gt $((gz_kb * 1024)) ]; then
    echo "build.sh: $(basename "$bin") is over its size budget ($raw_kb KB raw, $gz_kb KB gzipped)" >&2
    over=1
  fi
}
log "built wasm/pkg/web, wasm/pkg/node and wasm/pkg/site"
# Measured with extends, the helpful faults and the warnings (branch input): 518.8 / 190.7 KB
# and 596.0 / 228.8 KB; before them 499.6 / 183.9 and 582.9 / 224.5. With the page's workbench
# exports, the public sector and compare: 533.7 / 196.3 and 598.5 / 229.8 KB; with the
# assumptions block and the parameters in words: 542.3 / 200.2 and 600.0 / 230.7 KB. With the
# core at opt-level 2 (a third faster, see CALCULATOR_CRATES): 626.0 / 228.7 KB.
size_line "$PKG/web/samkalk_wasm_bg.wasm" 635 235
# The analysis module raised from 660 / 260 KB for the core at "s" and wasm-opt -Os (702.3 /
# 272.1 KB): 100,000 draws 30 % fewer instructions (80 320 -> 55 897 per draw). Raised from 725 /
# 295 KB for the JSON tape reader (issue 10: the scenario read from a tape of tokens, the request
# still from a tree, so the reader's primitives are there twice): 727.8 / 290.5 KB, 720.4 / 286.9
# before.
size_line "$PKG/web/samkalk_analysis_bg.wasm" 732 297
# The workbook module (rust_xlsxwriter, calamine and their zip/XML/encoding code), loaded only
# by "Ladda ner Excel" (measured 1 104 KB, 538 KB when it landed; 1 285 KB, 595 KB with the tax
# rules merged; 1 315 KB, 603 KB with the workbook's fault codes and version-2 sheets; 1 330 KB,
# 607 KB with extends, the helpful faults and the warnings; 1 357 KB, 620 KB with the JSON tape
# reader, as the workbook is read from a tree and a scenario's JSON from a tape: the scenario
# reader is there twice).
size_line "$PKG/web/samkalk_workbook_bg.wasm" 1365 628
if [ "$over" = 1 ]; then
  # SAMKALK_WASM_BUDGET=warn builds anyway (e.g. while the core is being slimmed down).
  [ "${SAMKALK_WASM_BUDGET:-fail}" = warn ] || exit 1
fi
