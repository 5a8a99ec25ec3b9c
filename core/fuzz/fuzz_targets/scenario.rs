//! The scenario check (core/fuzz/checks.rs, `checks::scenario`) on arbitrary bytes. Run:
//! `cargo +nightly fuzz run scenario -- -dict=fuzz/scenario.dict` in core/ (the dictionary
//! holds the format's field names, version 2's `then` and `investment` among them, so that
//! mutations reach the pathway engine quickly). On a stable toolchain, core/tests/fuzz_corpus.rs
//! runs the same check over a generated corpus in `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses one of the checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::scenario(data));
