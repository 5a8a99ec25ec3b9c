//! The states a scenario uses, as the calculation sees them: for the page's typperson tables and
//! its välfärdstårta (who bears what per person and year in a state).

use rust_decimal::Decimal;
use samkalk::{Actor, Fault, FieldError, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct Row {
    label: &'static str,
    payer: Option<&'static str>,
    payee: Option<&'static str>,
    amount: String,
}

#[derive(Serialize)]
struct StateSummary {
    id: String,
    label: String,
    /// The scenario gives the state itself (true) or it is the built-in one (false).
    given: bool,
    /// The flows a wage adds under the scenario's tax model (production, wage, taxes ...).
    derived: Vec<Row>,
    /// Each actor's yearly net per person in the state (receives minus pays), seven actors.
    net: Vec<(&'static str, String)>,
    /// Each actor's yearly cost per person (pays minus receives): the net negated.
    cost: Vec<(&'static str, String)>,
}

fn ids_in_use(s: &Scenario) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
    };
    for c in &s.cohorts {
        add(&c.origin);
        for o in &c.outcomes {
            add(&o.target);
            for m in &o.then {
                if let Some(f) = &m.from {
                    add(f);
                }
                add(&m.to);
            }
        }
    }
    ids
}

/// The fault list as JSON, thrown to the JS wrapper as a string (as in calculator.rs).
fn fault(errors: &[FieldError]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(errors).unwrap_or_else(|_| "[]".into()))
}

fn overflow(path: &str) -> JsValue {
    fault(&[FieldError::new(path, Fault::Overflow)])
}

/// Every state a valid scenario uses (each cohort's origin, each outcome's target and the
/// states of its moves, in that order), as the calculation sees it: the scenario's own, else
/// the built-in one restated to the scenario's price year. Per state: the flows its wage adds
/// under the scenario's tax model, and each actor's yearly net and cost per person, exact.
#[wasm_bindgen(js_name = stateSummaryText)]
pub fn state_summary_text(text: &str) -> Result<String, JsValue> {
    let s = Scenario::from_json(text).map_err(|e| fault(&e.errors))?;
    let model = samkalk::calculate::resolved_model(&s);
    let mut out = Vec::new();
    for id in ids_in_use(&s) {
        let path = format!("states.{id}");
        let Some(state) = samkalk::calculate::resolved_state(&s, &id) else { continue };
        let state = state.map_err(|_| overflow(&path))?;
        let mut derived = Vec::new();
        if let Some(e) = &state.earnings {
            for (label, payer, payee, amount) in samkalk::flow::model_earnings_flows(e, &model).map_err(|_| overflow(&path))? {
                derived.push(Row { label, payer: payer.map(Actor::id), payee: payee.map(Actor::id), amount: amount.to_string() });
            }
        }
        if let Some(rt) = &model.rules {
            let (earned, other) = samkalk::state::taxable_income(&state).map_err(|_| overflow(&path))?;
            if earned > Decimal::ZERO || other > Decimal::ZERO {
                for (label, payer, payee, amount) in samkalk::flow::rules_flows(earned, other, rt).map_err(|_| overflow(&path))? {
                    derived.push(Row { label, payer: payer.map(Actor::id), payee: payee.map(Actor::id), amount: amount.to_string() });
                }
            }
        }
        let net = samkalk::state::yearly_net_with(&state, &model).map_err(|_| overflow(&path))?;
        out.push(StateSummary {
            given: s.states.contains_key(&id),
            label: state.label.clone(),
            derived,
            net: Actor::ALL.iter().zip(net).map(|(a, x)| (a.id(), x.to_string())).collect(),
            cost: Actor::ALL.iter().zip(net).map(|(a, x)| (a.id(), (-x).to_string())).collect(),
            id,
        });
    }
    Ok(serde_json::to_string(&out).unwrap_or_default())
}

/// The price years the core can restate the built-in states to (its prisbasbelopp index), as a
/// JSON list of years.
#[wasm_bindgen(js_name = priceYearsText)]
pub fn price_years_text() -> String {
    serde_json::to_string(&samkalk::tax::price_years()).unwrap_or_default()
}

/// A decimal written back into a form field exactly (the inverse of `parseText`): `kind` is
/// `amount` (`"35000.5"` → `"35000,5"`) or `percent` (a share: `"0.125"` → `"12,5"`).
#[wasm_bindgen(js_name = inputText)]
pub fn input_text(kind: &str, value: &str) -> Result<String, JsValue> {
    let bad = |reason: String| fault(&[FieldError::new("", Fault::UnreadableValue { reason })]);
    let x: Decimal = samkalk::number::parse_decimal(value).map_err(|_| bad(format!("not a decimal: {value:?}")))?;
    match kind {
        "amount" => Ok(samkalk::present::amount_input(x)),
        "percent" => samkalk::present::percent_input(x).ok_or_else(|| bad(format!("too large for a percentage: {value:?}"))),
        _ => Err(bad(format!("unknown input kind {kind:?}"))),
    }
}

/// The core's warning for an outcome whose comparison group is above its share reaching the
/// target (valid, but a loss), in `lang` ("sv" unless "en"); `None` when there is none or a
/// value is not a decimal (the calculation reports that as a fault).
#[wasm_bindgen(js_name = comparisonWarningText)]
pub fn comparison_warning_text(share: &str, counterfactual_share: &str, lang_code: Option<String>) -> Option<String> {
    let lang = lang_code.as_deref().and_then(samkalk::Lang::from_code).unwrap_or_default();
    let share = samkalk::number::parse_decimal(share).ok()?;
    let counterfactual = samkalk::number::parse_decimal(counterfactual_share).ok()?;
    samkalk::present::comparison_warning(share, counterfactual, lang)
}
