//! The presentation check (core/fuzz/checks.rs, `checks::present`) on arbitrary bytes. Run:
//! `cargo +nightly fuzz run present` in core/. On a stable toolchain, core/tests/fuzz_corpus.rs
//! runs the same check over a generated corpus in `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses one of the checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::present(data));
