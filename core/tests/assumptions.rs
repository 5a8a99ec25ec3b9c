//! The assumptions block every report ends with: exact lines, written out by hand from the
//! scenario of a rules-method vector (Timrå's rates from core/data/skattesatser-2025.csv).

use samkalk::present::{assumptions, assumptions_text, exact_percent};
use samkalk::{Lang, Scenario};

fn vector(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(name);
    let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Scenario::from_json(&vector["scenario"].to_string()).unwrap()
}

#[test]
fn rules_method_in_english() {
    let text = assumptions_text(&vector("v2/tax-02-municipality.json"), Lang::En);
    let expected = "Assumptions
  Participants, kohort: 20 from AM2: behöver kortare insatser
  Cost per participant, kohort: 40,000 kr
  Timing of the intervention, kohort: from month 0 (0 = January 2026), 6 months
  Financing, kohort: Municipality 100%
  Share to arbete, kohort: 60%
  Share to arbete without the intervention (counterfactual), kohort: 0%
  Still in arbete after a year, kohort: 100%
  Tax method: the rules of income year 2025, Timrå (2262)
  Municipal tax (nominal): 23.19%
  Regional tax (nominal): 11.29%
  Income equalisation: none (the KNUT and SEE convention)
  Employer contributions: 31.42%
  Discount rate: 0%
  Horizon: 4 years (2026–2029)
  Price year: not given
  Method version: 2
";
    assert_eq!(text, expected);
}

#[test]
fn labels_and_values_in_swedish() {
    let lines = assumptions(&vector("v2/tax-02-municipality.json"), Lang::Sv);
    let find = |label: &str| lines.iter().find(|a| a.label == label).map(|a| a.value.as_str());
    assert_eq!(find("Skattemetod"), Some("reglerna för inkomståret 2025, Timrå (2262)"));
    assert_eq!(find("Kommunalskatt (nominell)"), Some("23,19 %"));
    assert_eq!(find("Kostnad per deltagare, kohort"), Some("40 000 kr"));
}

#[test]
fn exact_percent_keeps_every_decimal() {
    let d = |s: &str| s.parse().unwrap();
    assert_eq!(exact_percent(d("0.3241"), Lang::Sv), "32,41 %");
    assert_eq!(exact_percent(d("0.035"), Lang::En), "3.5%");
    assert_eq!(exact_percent(d("1.00"), Lang::Sv), "100 %");
    // Beyond what a percentage can hold exactly: the one-decimal form, no panic.
    assert_eq!(exact_percent(rust_decimal::Decimal::MAX, Lang::En), samkalk::present::percent(rust_decimal::Decimal::MAX, Lang::En));
}
