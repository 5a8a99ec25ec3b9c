//! The calculator module (`samkalk_wasm_bg.wasm`): calculate, validate, defaults, CSV, report,
//! break-even sentences, and the core's presentation layer (formatters, parsers of Swedish
//! input, labels, the standard sensitivity request, the tornado order).

use rust_decimal::Decimal;
use samkalk::actor::SOCIETY_ID;
use samkalk::present::{self, Field, InputError};
use samkalk::{Actor, BreakEven, BreakEvenKind, CalculationResult, Fault, FieldError, Lang, ScenarioError, ValidScenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The fault list as JSON, thrown to the JS wrapper as a string.
fn fault(errors: &[FieldError]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(errors).unwrap_or_else(|_| "[]".into()))
}

fn fault_at(path: &str, f: Fault) -> JsValue {
    fault(&[FieldError::new(path, f)])
}

fn scenario(text: &str) -> Result<ValidScenario, JsValue> {
    ValidScenario::from_json(text).map_err(|e: ScenarioError| fault(&e.errors))
}

fn scenario_and_result(text: &str) -> Result<(ValidScenario, CalculationResult), JsValue> {
    let s = scenario(text)?;
    let r = s.calculate().map_err(|e| fault(&e.errors))?;
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

/// The public sector as a whole (municipality, Arbetsförmedlingen, Försäkringskassan, region,
/// state), as the core derives it: an actor's result object (`{gain, ..., benefit_cost_ratio}`).
#[wasm_bindgen(js_name = publicSectorText)]
pub fn public_sector_text(text: &str) -> Result<String, JsValue> {
    let s = scenario(text)?;
    s.public_sector().map(|p| to_text(&p)).map_err(|e| fault(&e.errors))
}

/// One calculation's result and its public sector: `{"result": MODEL.md's result JSON,
/// "public_sector": an actor's result object}`.
#[wasm_bindgen(js_name = calculateWithPublicSectorText)]
pub fn calculate_with_public_sector_text(text: &str) -> Result<String, JsValue> {
    let s = scenario(text)?;
    let (r, p) = s.calculate_with_public_sector().map_err(|e| fault(&e.errors))?;
    Ok(format!(r#"{{"result":{},"public_sector":{}}}"#, r.to_json(), to_text(&p)))
}

/// Every fault of a scenario in JSON text, as a JSON list of the core's faults (`{path, code,
/// params, context, message, message_sv, message_en}`; empty: valid).
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(text: &str) -> String {
    to_text(&samkalk::validate_json(text))
}

/// The warnings of a scenario in JSON text, as a JSON list like the faults; `[]` when there
/// are none or the scenario is invalid.
#[wasm_bindgen(js_name = warningsText)]
pub fn warnings_text(text: &str) -> String {
    to_text(&samkalk::warnings_json(text))
}

/// The built-in parameter set as JSON (`{price_year, tax, tax_sources, states}`).
#[wasm_bindgen(js_name = defaultsText)]
pub fn defaults_text() -> String {
    to_text(&samkalk::defaults_json())
}

/// The built-in parameter set restated to a price year (method version 2), as JSON; a year
/// outside the prisbasbelopp index is a fault at `price_year`.
#[wasm_bindgen(js_name = defaultsAtText)]
pub fn defaults_at_text(price_year: i32) -> Result<String, JsValue> {
    samkalk::defaults_json_at(i64::from(price_year)).map(|v| to_text(&v)).map_err(|e| fault(&[e]))
}

/// The municipalities' income tax rates of the latest income year in the data, as JSON.
#[wasm_bindgen(js_name = municipalitiesText)]
pub fn municipalities_text() -> String {
    samkalk::tax::municipalities_json(None).map(|v| to_text(&v)).unwrap_or_default()
}

/// The result as the core's tidy CSV: `lang` "en" is `actor,year,gain,investment,net,cumulative_net`;
/// "sv" is the form Swedish Excel opens (BOM, semicolons, decimal commas, the assumptions first).
#[wasm_bindgen(js_name = csvText)]
pub fn csv_text(text: &str, lang: &str) -> Result<String, JsValue> {
    let lang = samkalk::Lang::from_code(lang)
        .ok_or_else(|| fault_at("lang", Fault::NotOneOf { expected: vec!["sv".into(), "en".into()], got: lang.to_string() }))?;
    scenario_and_result(text).map(|(s, r)| samkalk::export::csv::csv(&s, &r, lang))
}

/// The effect trace (method version 2) as JSON: `[{cohort, year, state, participants}]`.
#[wasm_bindgen(js_name = traceText)]
pub fn trace_text(text: &str) -> Result<String, JsValue> {
    samkalk::trace_json(text).map(|t| t.to_json()).map_err(|e| fault(&e.errors))
}

/// The effect trace as the core's CSV (`cohort,year,state,participants`).
#[wasm_bindgen(js_name = traceCsvText)]
pub fn trace_csv_text(text: &str) -> Result<String, JsValue> {
    samkalk::trace_json(text).map(|t| t.to_csv()).map_err(|e| fault(&e.errors))
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

fn sentence(actor: &'static str, who: &'static str, be: &BreakEven, target: &str, comparison: Decimal, lang: Lang) -> Sentence {
    Sentence {
        actor,
        who,
        kind: be.kind,
        share: be.share.map(|s| s.to_string()),
        text: present::break_even_sentence(who, be, target, Some(comparison), lang),
    }
}

/// `"sv"` (also for anything unknown or absent: the page's language) or `"en"`.
fn lang(code: Option<String>) -> Lang {
    code.as_deref().and_then(Lang::from_code).unwrap_or_default()
}

/// Each cohort's break-even as sentences ("Kommunen går jämnt ut om minst 6,8 % av
/// deltagarna når arbete."), the seven actors then society; none for a cohort without outcomes.
#[wasm_bindgen(js_name = breakEvenText)]
pub fn break_even_text(text: &str, lang_code: Option<String>) -> Result<String, JsValue> {
    let lang = lang(lang_code);
    let (s, r) = scenario_and_result(text)?;
    let cohorts: Vec<CohortSentences> = s
        .cohorts
        .iter()
        .zip(&r.cohorts)
        .map(|(cohort, cr)| {
            let first = cohort.outcomes.first();
            let target = first.map(|o| present::target_phrase(&s, &o.target, lang));
            let comparison = first.map(|o| o.counterfactual_share).unwrap_or_default();
            let mut sentences = Vec::new();
            if let (Some(table), Some(phrase)) = (&cr.break_even, &target) {
                for actor in Actor::ALL {
                    sentences.push(sentence(actor.id(), present::actor_label(actor, lang), table.get(actor), phrase, comparison, lang));
                }
                sentences.push(sentence(SOCIETY_ID, present::society_label(lang), table.society(), phrase, comparison, lang));
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

fn decimal(text: &str) -> Result<Decimal, JsValue> {
    samkalk::number::parse_decimal(text).map_err(|e| {
        let got = format!("{text:?}");
        fault_at(
            "",
            match e {
                samkalk::number::NumberError::NotANumber => Fault::NotANumber { got },
                samkalk::number::NumberError::TooManyDecimals => Fault::TooManyDecimals { got },
                samkalk::number::NumberError::OutOfRange => Fault::TooLarge { got: Some(got) },
            },
        )
    })
}

/// Formats a decimal for people: `kind` is `kronor` (whole kronor), `kronor_ore`, `percent`
/// (of a share), `ratio` or `rounded` (an amount for a sentence); see samkalk::present.
#[wasm_bindgen(js_name = formatText)]
pub fn format_text(kind: &str, value: &str, lang_code: Option<String>) -> Result<String, JsValue> {
    let x = decimal(value)?;
    let lang = lang(lang_code);
    match present::NumberFormat::from_id(kind) {
        Some(format) => Ok(format.write(x, lang)),
        None => Err(fault_at("", Fault::UnreadableValue { reason: format!("unknown format {kind:?}") })),
    }
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
struct Parsed {
    value: Option<String>,
    code: Option<&'static str>,
    message_sv: Option<String>,
    message_en: Option<String>,
}

/// Reads typed Swedish input: `kind` is `amount`, `percent` (returns the share) or `whole`.
/// Returns `{"value": exact decimal text}` or `{"code", "message_sv", "message_en"}` JSON.
#[wasm_bindgen(js_name = parseText)]
pub fn parse_text(kind: &str, text: &str) -> Result<String, JsValue> {
    let read: Result<String, InputError> = match kind {
        "amount" => present::parse_amount(text).map(|d| d.to_string()),
        "percent" => present::parse_percent(text).map(|d| d.to_string()),
        "whole" => present::parse_whole(text).map(|n| n.to_string()),
        _ => return Err(fault_at("", Fault::UnreadableValue { reason: format!("unknown input kind {kind:?}") })),
    };
    Ok(to_text(&match read {
        Ok(value) => Parsed { value: Some(value), code: None, message_sv: None, message_en: None },
        Err(e) => {
            Parsed { value: None, code: Some(e.code()), message_sv: Some(e.message(Lang::Sv)), message_en: Some(e.message(Lang::En)) }
        }
    }))
}

#[derive(Serialize)]
struct Labels {
    actors: Vec<(&'static str, &'static str)>,
    society: &'static str,
    public_sector: &'static str,
    public_sector_members: Vec<&'static str>,
    fields: Vec<(&'static str, &'static str)>,
    break_even_kinds: Vec<(BreakEvenKind, &'static str)>,
    headings: Vec<(&'static str, &'static str)>,
}

/// The core's labels in a language, as JSON: actors and fields as `[id, label]` pairs in result
/// order, society, the public sector and its members, break-even kinds, headings as `[id, label]`
/// pairs.
#[wasm_bindgen(js_name = labelsText)]
pub fn labels_text(lang_code: Option<String>) -> String {
    let lang = lang(lang_code);
    to_text(&Labels {
        actors: Actor::ALL.iter().map(|a| (a.id(), present::actor_label(*a, lang))).collect(),
        society: present::society_label(lang),
        public_sector: present::public_sector_label(lang),
        public_sector_members: present::PUBLIC_SECTOR.iter().map(|a| a.id()).collect(),
        fields: Field::ALL.iter().map(|f| (f.id(), f.label(lang))).collect(),
        break_even_kinds: [BreakEvenKind::Always, BreakEvenKind::Never, BreakEvenKind::AtLeast, BreakEvenKind::AtMost]
            .into_iter()
            .map(|k| (k, present::break_even_kind_label(k, lang)))
            .collect(),
        headings: present::Heading::ALL.iter().map(|h| (h.id(), h.label(lang))).collect(),
    })
}

/// The standard sensitivity request for a scenario (JSON text) with a label per tornado
/// parameter: `{"request", "labels": [{parameter, what, low, high}]}`.
#[wasm_bindgen(js_name = standardAnalysisText)]
pub fn standard_analysis_text(text: &str, lang_code: Option<String>) -> Result<String, JsValue> {
    let s = scenario(text)?;
    Ok(present::standard_analysis(&s, lang(lang_code)).to_json())
}

#[derive(Serialize)]
struct Swing {
    index: usize,
    swing: String,
}

/// The tornado order for one actor: given a JSON list of `[npv_low, npv_high]` money strings,
/// returns `[{index, swing}]`, largest swing first (equal swings in the given order).
#[wasm_bindgen(js_name = tornadoOrderText)]
pub fn tornado_order_text(pairs: &str) -> Result<String, JsValue> {
    use samkalk::Value;
    // The core's own JSON reader (already in this module), not serde_json's.
    let bad = || fault_at("", Fault::UnreadableValue { reason: "expected a list of [npv_low, npv_high] decimal strings".into() });
    let Ok(Value::Array(list)) = samkalk::parse_json(pairs) else { return Err(bad()) };
    let mut decimals = Vec::with_capacity(list.len());
    for pair in &list {
        match pair {
            Value::Array(p) => match p.as_slice() {
                [Value::String(low) | Value::Number(low), Value::String(high) | Value::Number(high)] => {
                    decimals.push((decimal(low)?, decimal(high)?))
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
    }
    let order: Vec<Swing> = present::tornado_order(&decimals)
        .into_iter()
        .map(|(index, swing)| Swing { index, swing: samkalk::result::fixed(swing, 2) })
        .collect();
    Ok(to_text(&order))
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
    let mut list: Vec<ActorName> = Actor::ALL
        .iter()
        .map(|a| ActorName { id: a.id(), swedish: present::actor_label(*a, Lang::Sv), english: present::actor_label(*a, Lang::En) })
        .collect();
    list.push(ActorName { id: SOCIETY_ID, swedish: present::society_label(Lang::Sv), english: present::society_label(Lang::En) });
    to_text(&list)
}

/// The core crate's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
