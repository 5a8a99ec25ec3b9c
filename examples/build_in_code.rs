//! Build a scenario in code with the typed API, no file: one cohort with its intervention, an
//! outcome, and a version-2 onward move (some of those in work return to the origin every
//! year), then print the result JSON (MODEL.md's format). Run with
//! `cargo run --example build_in_code`.

use rust_decimal::Decimal;
use samkalk::{Cohort, Intervention, Move, Outcome, Scenario};

/// A decimal from its text: amounts and shares are exact decimals, never floats.
fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal literal")
}

/// The scenario: 20 persons in the built-in state AM2 (försörjningsstöd, far from work) get six
/// months of coaching at 40 000 kr each; 50 % reach work against 10 % who would have anyway;
/// each year after, 10 % of those still in work go back to AM2.
pub fn scenario() -> Scenario {
    // Every field not set here keeps its default (the built-in states and tax rates,
    // a 4-year horizon, no discounting).
    let mut scenario = Scenario::new(2026);
    // Onward moves (`then`) are method version 2.
    scenario.version = 2;
    scenario.name = "Coaching for AM2, built in code".into();

    let mut outcome = Outcome::new("work", dec("0.5"));
    outcome.counterfactual_share = dec("0.1");
    // Moving to the cohort's origin means leaving the effect: the gain of work stops for them.
    let mut back = Move::new("AM2", dec("0.1"));
    back.after_months = 12;
    back.every_months = Some(12);
    outcome.then.push(back);

    // The municipality pays the intervention (the default financing).
    let intervention = Intervention { cost_per_participant: dec("40000"), duration_months: 6, ..Intervention::default() };
    scenario.cohorts.push(Cohort {
        name: "AM2-grupp".into(),
        origin: "AM2".into(),
        participants: 20,
        intervention,
        outcomes: vec![outcome],
    });
    scenario
}

fn main() {
    // `calculate` validates first: a fault names its field, e.g.
    // `cohorts[0].outcomes[0].then[0].share: must be between 0 and 1, got 1.5`.
    match samkalk::calculate(&scenario()) {
        Ok(result) => println!("{}", result.to_json_pretty()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
