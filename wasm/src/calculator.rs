//! The calculator module (`samkalk_wasm_bg.wasm`): calculate, validate, defaults, CSV, report,
//! break-even sentences, Swedish formatting.

use samkalk::actor::{SOCIETY_ID, SOCIETY_SWEDISH};
use samkalk::report::{break_even_sentence, state_phrase};
use samkalk::{Actor, BreakEven, CalculationResult, FieldError, Scenario, ScenarioError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The fault list as JSON, thrown to the JS wrapper as a string.
fn fault(errors: &[FieldError]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(errors).unwrap_or_else(|_| "[]".into()))
}

fn fault_at(path: &str, message: &str) -> JsValue {
    fault(&[FieldError::new(path, message)])
}

fn scenario(text: &str) -> Result<Scenario, JsValue> {
    Scenario::from_json(text).map_err(|e: ScenarioError| fault(&e.errors))
}

fn scenario_and_result(text: &str) -> Result<(Scenario, CalculationResult), JsValue> {
    let s = scenario(text)?;
    let r = samkalk::calculate(&s).map_err(|e| fault(&e.errors))?;
    Ok((s, r))
}

fn to_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Calculates a scenario given as JSON text; returns MODEL.md's result JSON.
#[wasm_bindgen(js_name = calculateText)]
pub fn calculate_text(text: &str) -> Result<String, JsValue> {
    samkalk::calculate_json(text).map(|r| r.to_json()).map_err(|e| fault(&e.errors))
}

/// Every fault of a scenario in JSON text, as a JSON list of `{path, message}` (empty: valid).
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(text: &str) -> String {
    to_text(&samkalk::validate_json(text))
}

/// The built-in parameter set as JSON (`{price_year, tax, tax_sources, states}`).
#[wasm_bindgen(js_name = defaultsText)]
pub fn defaults_text() -> String {
    to_text(&samkalk::defaults_json())
}

/// The result as the core's tidy CSV: `lang` "en" is `actor,year,gain,investment,net,cumulative_net`;
/// "sv" is the form Swedish Excel opens (BOM, semicolons, decimal commas, the assumptions first).
#[wasm_bindgen(js_name = csvText)]
pub fn csv_text(text: &str, lang: &str) -> Result<String, JsValue> {
    let lang = samkalk::Lang::from_code(lang).ok_or_else(|| fault_at("", &format!("lang must be \"sv\" or \"en\", got {lang:?}")))?;
    scenario_and_result(text).map(|(s, r)| samkalk::export::csv::csv(&s, &r, lang))
}

/// The core's readable Swedish report (plain text).
#[wasm_bindgen(js_name = reportText)]
pub fn report_text(text: &str) -> Result<String, JsValue> {
    scenario_and_result(text).map(|(s, r)| samkalk::report::table(&s, &r))
}

#[derive(Serialize)]
struct Sentence {
    actor: &'static str,
    who: &'static str,
    kind: samkalk::BreakEvenKind,
    share: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct CohortSentences {
    name: String,
    origin: String,
    target: Option<String>,
    target_phrase: Option<String>,
    sentences: Vec<Sentence>,
}

fn sentence(actor: &'static str, who: &'static str, be: &BreakEven, target: &str) -> Sentence {
    Sentence {
        actor,
        who,
        kind: be.kind,
        share: be.share.map(|s| samkalk::result::fixed(s, 6)),
        text: break_even_sentence(who, be, target),
    }
}

/// Each cohort's break-even as Swedish sentences ("Kommunen går jämnt ut om minst 6,8 % av
/// deltagarna når arbete."), the seven actors then society; none for a cohort without outcomes.
#[wasm_bindgen(js_name = breakEvenText)]
pub fn break_even_text(text: &str) -> Result<String, JsValue> {
    let (s, r) = scenario_and_result(text)?;
    let cohorts: Vec<CohortSentences> = s
        .cohorts
        .iter()
        .zip(&r.cohorts)
        .map(|(cohort, cr)| {
            let first = cohort.outcomes.first();
            let target = first.map(|o| state_phrase(&s, &o.target));
            let mut sentences = Vec::new();
            if let (Some(table), Some(phrase)) = (&cr.break_even, &target) {
                for actor in Actor::ALL {
                    sentences.push(sentence(actor.id(), actor.swedish(), table.actor(actor), phrase));
                }
                sentences.push(sentence(SOCIETY_ID, SOCIETY_SWEDISH, table.society(), phrase));
            }
            CohortSentences {
                name: cr.name.clone(),
                origin: cohort.origin.clone(),
                target: first.map(|o| o.target.clone()),
                target_phrase: target,
                sentences,
            }
        })
        .collect();
    Ok(to_text(&cohorts))
}

fn decimal(text: &str) -> Result<rust_decimal::Decimal, JsValue> {
    samkalk::number::parse_decimal(text).map_err(|e| fault_at("", &format!("not a decimal number ({e:?}): {text:?}")))
}

/// Whole kronor in Swedish style (`"1234567.49"` → `"1 234 567 kr"`).
#[wasm_bindgen]
pub fn kronor(amount: &str) -> Result<String, JsValue> {
    decimal(amount).map(samkalk::report::kronor)
}

/// A share as a Swedish percentage with one decimal (`"0.068345"` → `"6,8 %"`).
#[wasm_bindgen]
pub fn percent(share: &str) -> Result<String, JsValue> {
    decimal(share).map(samkalk::report::percent)
}

#[derive(Serialize)]
struct ActorName {
    id: &'static str,
    swedish: &'static str,
    english: &'static str,
}

/// The seven actors and society, in result order, with their names.
#[wasm_bindgen(js_name = actorsText)]
pub fn actors_text() -> String {
    let mut list: Vec<ActorName> =
        Actor::ALL.iter().map(|a| ActorName { id: a.id(), swedish: a.swedish(), english: a.english() }).collect();
    list.push(ActorName { id: SOCIETY_ID, swedish: SOCIETY_SWEDISH, english: "Society" });
    to_text(&list)
}

/// The core crate's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
