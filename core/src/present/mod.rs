//! The presentation layer: everything between a result and a person, in Swedish and English,
//! so that the CLI, Python and the web page say the same thing in the same way.
//!
//! - [`labels`]: names of actors, society, the public sector, result fields, break-even kinds and
//!   the headings of tables and charts.
//! - [`format`](mod@format): checked formatters for money, percentages, ratios, rounded amounts and years.
//!   None can panic on any `Decimal`.
//! - [`parse`]: the inverse, for numbers as people type them in Swedish ("120 000 kr", "12,5 %").
//! - [`assumptions`](mod@assumptions): the inputs behind a result, shown at the end of every report.
//! - [`parameters`]: analysis parameters in words and their values in their units.
//! - [`sentences`]: break-even sentences.
//! - [`sensitivity`]: the per-actor tornado order and the standard sensitivity request.
//! - [`analysis_report`]: the readable analysis report (`samkalk analyse --format table`).
//! - [`compare`](mod@compare): the readable comparison of alternatives (`samkalk compare`).
//!
//! Decimals, one agreed count per quantity (the same in both languages):
//!
//! | quantity | decimals | Swedish | English |
//! |---|---|---|---|
//! | money, whole kronor | 0 | `1 234 567 kr` | `1,234,567 kr` |
//! | money with öre | 2 | `1 234 567,89 kr` | `1,234,567.89 kr` |
//! | percentage (of a share) | 1 | `6,8 %` | `6.8%` |
//! | benefit-cost ratio | 2 | `1,23` | `1.23` |
//! | amount in a sentence | 3 significant digits below a million, else 1 decimal of millions/billions | `3,8 miljoner kr` | `3.8 million kronor` |
//! | year | 0, no thousands separator | `2026` | `2026` |
//!
//! Rounding is half away from zero, from the exact value (`result::fixed`). The Swedish
//! thousands separator is a plain space (U+0020), as the CLI's tables have always written it; a
//! caller that must not break a line inside an amount replaces it with a no-break space. A
//! negative amount starts with an ASCII hyphen-minus (`-800 000 kr`), so output stays ASCII-safe
//! for terminals and CSV readers.

pub mod analysis_report;
pub mod assumptions;
pub mod compare;
pub mod format;
pub mod input;
pub mod labels;
pub mod parameters;
pub mod parse;
pub mod sensitivity;
pub mod sentences;
pub mod warnings;

pub use assumptions::{assumptions, assumptions_heading, assumptions_text, exact_percent, Assumption};
pub use format::{count, kronor, kronor_ore, percent, ratio, rounded_amount, year, NumberFormat};
pub use input::{amount_input, percent_input};
pub use labels::{
    actor_label, break_even_kind_label, comparison_title, difference_heading, public_sector_label, row_label, society_label, state_phrase,
    who_label, Field, Heading, OutcomeField, PUBLIC_SECTOR,
};
pub use parameters::{analysis_names, parameter_label, parameter_name, parameter_value, AnalysisNames};
pub use parse::{parse_amount, parse_percent, parse_whole, InputError};
pub use sensitivity::{standard_analysis, tornado_bars, tornado_order, ParameterLabel, StandardAnalysis, StandardRequest, TornadoBar};
pub use sentences::{break_even_sentence, target_phrase};
pub use warnings::comparison_warning;
