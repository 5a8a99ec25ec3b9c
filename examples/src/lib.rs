//! Examples live in the `examples` targets; see README.md.
