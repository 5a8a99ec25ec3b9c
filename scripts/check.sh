#!/usr/bin/env bash
# The quick check before a commit (a minute or two once built): formatting, clippy with
# warnings denied over the whole workspace, the core's tests (unit, vectors, properties, doc
# examples), its documentation without warnings and an example on each public function and
# type. Everything else: scripts/test-all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "cargo fmt --all --check (rustfmt.toml)"
cargo fmt --all --check

step "clippy, warnings denied"
cargo clippy --workspace --all-targets -- -D warnings

step "core tests: cargo test -p samkalk"
cargo test -p samkalk

step "core documentation as docs.rs builds it: cargo doc -p samkalk --no-deps --all-features, warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc -p samkalk --no-deps --all-features

step "every public function and type of the core has a doc example: scripts/doc-examples.py --check"
python3 scripts/doc-examples.py --check

step "quick check passed"
