//! The analysis module (feature `analysis`): sensitivity and uncertainty analysis
//! (docs/analysis.md) in its own .wasm, `samkalk_analysis_bg.wasm`. The core's analysis code is
//! about 210 KB of WebAssembly, which does not fit the calculator's size budget, so it is built
//! separately and loaded only by what uses it (the page loads it in a Web Worker).

use samkalk::{Fault, FieldError, Lang, ValidScenario};
use wasm_bindgen::prelude::*;

fn fault_at(path: &str, fault: Fault) -> JsValue {
    JsValue::from_str(&serde_json::to_string(&[FieldError::new(path, fault)]).unwrap_or_else(|_| "[]".into()))
}

fn to_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The core crate's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An analysis fault, thrown to the JS wrapper as `{"kind", "errors"}` JSON text: `kind` is
/// `scenario` (paths in the scenario), `analysis` (paths in the request) or `cancelled`.
fn analysis_fault(e: &samkalk::analysis::AnalysisError) -> JsValue {
    use samkalk::analysis::AnalysisError;
    let kind = match e {
        AnalysisError::Scenario(_) => "scenario",
        AnalysisError::Invalid(_) => "analysis",
        AnalysisError::Cancelled => "cancelled",
    };
    let errors = serde_json::to_string(e.errors()).unwrap_or_else(|_| "[]".into());
    JsValue::from_str(&format!(r#"{{"kind":"{kind}","errors":{errors}}}"#))
}

/// What an analysis run returns to JS: the result JSON, or the report (`{"result", "names",
/// "table"}`) in one language.
#[derive(Clone, Copy)]
enum Output {
    Json { pretty: bool },
    Report(Lang),
}

fn analyse_with(scenario: &str, analysis: &str, output: Output, progress: &mut dyn FnMut(u64, u64) -> bool) -> Result<String, JsValue> {
    use samkalk::analysis::{run_valid, Analysis, AnalysisError, RunOptions};
    use samkalk::present::{analysis_names, analysis_report::analysis_table};
    // Both texts are read before anything runs, so a fault in either is reported at once.
    let s = ValidScenario::from_json(scenario).map_err(|e| AnalysisError::Scenario(e.errors));
    let a = Analysis::from_json(analysis).map_err(|e| AnalysisError::Invalid(e.errors));
    let (s, a) = match (s, a) {
        (Ok(s), Ok(a)) => (s, a),
        (Err(e), _) | (_, Err(e)) => return Err(analysis_fault(&e)),
    };
    let r = run_valid(&s, &a, RunOptions::default(), progress).map_err(|e| analysis_fault(&e))?;
    Ok(match output {
        Output::Json { pretty: true } => r.to_json_pretty(),
        Output::Json { pretty: false } => r.to_json(),
        Output::Report(lang) => format!(
            r#"{{"result":{},"names":{},"table":{}}}"#,
            r.to_json(),
            analysis_names(&s, &r, lang).to_json(),
            to_text(&analysis_table(&s, &r, lang))
        ),
    })
}

fn lang_of(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or_default()
}

fn progress_of(progress: &ProgressCallback) -> impl FnMut(u64, u64) -> bool + '_ {
    move |done, total| match progress.call2(&JsValue::UNDEFINED, done as f64, total as f64) {
        Ok(v) => v.as_bool() != Some(false),
        Err(_) => false,
    }
}

/// Runs an analysis request on a scenario (both JSON text) and returns `{"result", "names",
/// "table"}` as JSON text: the result JSON of docs/analysis.md, every parameter's name in
/// `lang` (the request's `label`, else the core's words; `present::analysis_names`) and the
/// core's readable report in `lang` (`samkalk analyse --format table --lang`).
#[wasm_bindgen(js_name = analyseReportText)]
pub fn analyse_report_text(scenario: &str, analysis: &str, lang: &str) -> Result<String, JsValue> {
    analyse_with(scenario, analysis, Output::Report(lang_of(lang)), &mut |_, _| true)
}

/// [`analyse_report_text`] with a progress callback, as [`analyse_progress_text`].
#[wasm_bindgen(js_name = analyseReportProgressText)]
pub fn analyse_report_progress_text(scenario: &str, analysis: &str, lang: &str, progress: &ProgressCallback) -> Result<String, JsValue> {
    analyse_with(scenario, analysis, Output::Report(lang_of(lang)), &mut progress_of(progress))
}

/// The words of the analysis tables and charts in `lang`, as a JSON object by key (the core's
/// `present::analysis_report::analysis_text`).
#[wasm_bindgen(js_name = analysisWordsText)]
pub fn analysis_words_text(lang: &str) -> String {
    let words: serde_json::Map<String, serde_json::Value> = samkalk::present::analysis_report::analysis_text(lang_of(lang))
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
        .collect();
    to_text(&words)
}

/// Runs an analysis request (JSON text) on a scenario (JSON text); returns the result JSON of
/// docs/analysis.md: compact, or indented (`pretty`) byte for byte as `samkalk analyse` prints it.
#[wasm_bindgen(js_name = analyseText)]
pub fn analyse_text(scenario: &str, analysis: &str, pretty: bool) -> Result<String, JsValue> {
    analyse_with(scenario, analysis, Output::Json { pretty }, &mut |_, _| true)
}

#[wasm_bindgen]
extern "C" {
    /// A JS function `(done, total) => boolean`; false (or a throw) cancels the run.
    pub type ProgressCallback;
    #[wasm_bindgen(method, catch, js_name = call)]
    fn call2(this: &ProgressCallback, this_arg: &JsValue, done: f64, total: f64) -> Result<JsValue, JsValue>;
}

/// [`analyse_text`] with a progress callback, called at the core's granularity (at the start,
/// about every 0.5 % of the fast analyses, every 1,000 Monte Carlo draws, at the end).
/// Returning `false` or throwing stops the run: the error's kind is `cancelled`.
#[wasm_bindgen(js_name = analyseProgressText)]
pub fn analyse_progress_text(scenario: &str, analysis: &str, pretty: bool, progress: &ProgressCallback) -> Result<String, JsValue> {
    analyse_with(scenario, analysis, Output::Json { pretty }, &mut progress_of(progress))
}

/// The first `n` (at most 10,000) outputs of draw `draw`'s xoshiro256** generator for `seed`
/// (decimal text, 0..=2^64−1), as a JSON list of decimal strings: docs/analysis.md's generator,
/// for checking a reimplementation.
#[wasm_bindgen(js_name = generatorText)]
pub fn generator_text(seed: &str, draw: f64, n: u32) -> Result<String, JsValue> {
    let seed: u64 = seed.parse().map_err(|_| fault_at("", Fault::BadSeed { got: seed.to_string() }))?;
    if !((0.0..=9_007_199_254_740_991.0).contains(&draw) && draw.fract() == 0.0) {
        return Err(fault_at("", Fault::BadDraw));
    }
    let mut rng = samkalk::analysis::rng::Xoshiro256::for_draw(seed, draw as u64);
    let out: Vec<String> = (0..n.min(10_000)).map(|_| rng.next_u64().to_string()).collect();
    Ok(to_text(&out))
}
