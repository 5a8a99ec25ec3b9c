//! Test support only: a fixed sequence for the core's exhaustive generated-case tests, a leaf
//! that imports nothing, so that any module's tests can use it without a circle.

/// A fixed xorshift sequence from `seed` (not zero), the same on every run: the generated
/// cases of the core's exhaustive tests (number.rs, fixed.rs, result.rs) draw from it.
pub(crate) fn generated_sequence(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
