#!/usr/bin/env bash
# The quick check before a commit (a minute or two once built): formatting, clippy with
# warnings denied over the whole workspace, the core's tests (unit, vectors, properties, doc
# examples) and its documentation without warnings. Everything else: scripts/test-all.sh.
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

step "core documentation: cargo doc -p samkalk --no-deps, warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc -p samkalk --no-deps

step "quick check passed"
