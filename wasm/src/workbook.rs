//! The workbook module (feature `workbook`): the core's Excel writer and reader
//! (`samkalk::export::xlsx`) in its own .wasm, `samkalk_workbook_bg.wasm`, loaded only when the
//! page's "Ladda ner Excel" is used, so the calculator keeps its size budget.

use samkalk::{Fault, FieldError, Lang, ValidScenario};
use wasm_bindgen::prelude::*;

fn fault(errors: &[FieldError]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(errors).unwrap_or_else(|_| "[]".into()))
}

fn fault_at(path: &str, f: Fault) -> JsValue {
    fault(&[FieldError::new(path, f)])
}

/// The core crate's version.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The workbook (.xlsx bytes) of a scenario in JSON text, in `lang` ("sv" or "en"), stating
/// `date` (YYYY-MM-DD, the caller's today) as the day it was written.
#[wasm_bindgen(js_name = workbookBytes)]
pub fn workbook_bytes(scenario: &str, lang: &str, date: &str) -> Result<Vec<u8>, JsValue> {
    let lang = Lang::from_code(lang)
        .ok_or_else(|| fault_at("lang", Fault::NotOneOf { expected: vec!["sv".into(), "en".into()], got: lang.to_string() }))?;
    let date = samkalk::export::Date::parse(date).ok_or_else(|| fault_at("date", Fault::BadDate { got: date.to_string() }))?;
    let s = ValidScenario::from_json(scenario).map_err(|e| fault(&e.errors))?;
    let r = s.calculate().map_err(|e| fault(&e.errors))?;
    samkalk::export::xlsx::workbook(&s, &r, &samkalk::export::xlsx::WorkbookOptions { lang, date }).map_err(|e| fault(&[e]))
}

/// Reads a workbook samkalk wrote (its Grupper, Tillstånd and Antaganden sheets) and calculates
/// it; returns MODEL.md's result JSON. Faults name the sheet and cell.
#[wasm_bindgen(js_name = calculateWorkbook)]
pub fn calculate_workbook(bytes: &[u8]) -> Result<String, JsValue> {
    let s = samkalk::export::xlsx_read::scenario_from_xlsx(bytes).map_err(|e| fault(&e.errors))?;
    s.calculate().map(|r| r.to_json()).map_err(|e| fault(&e.errors))
}
