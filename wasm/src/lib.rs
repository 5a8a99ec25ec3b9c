//! WebAssembly bindings of samkalk (wasm-bindgen): conversion and errors only.
//!
//! Every function here takes and returns text: a scenario goes in as JSON (the core's exact
//! reader sees the digits as spelled), the result comes back as MODEL.md's result JSON with
//! money as exact strings. The JS wrapper (`js/api.js`) turns objects into text and back and
//! raises `ScenarioError`. A scenario fault is returned as `Err` holding the JSON list of
//! `{path, message}`; nothing here panics on any input (the core promises the same).
//!
//! The whole crate exists only on wasm targets, so the host workspace is unaffected.
//!
//! Built three times by build.sh: without features, the calculator (`samkalk_wasm_bg.wasm`); with
//! the feature `analysis`, the analysis module (`samkalk_analysis_bg.wasm`, see analysis.rs);
//! with the feature `workbook`, the Excel module (`samkalk_workbook_bg.wasm`, see workbook.rs).
#![cfg(target_family = "wasm")]

#[cfg(feature = "analysis")]
mod analysis;
#[cfg(not(any(feature = "analysis", feature = "workbook")))]
mod calculator;
#[cfg(not(any(feature = "analysis", feature = "workbook")))]
mod states;
#[cfg(feature = "workbook")]
mod workbook;
